package jp.tabiji.app;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.streaming.health.HealthSettings;
import org.apache.flink.util.ParameterTool;
import picocli.CommandLine.Option;

/** Option groups several commands share, as picocli mixins. */
final class CliFlags {
    private CliFlags() {
    }

    /** The days of an export (report, opendata): both required, both inclusive. */
    static final class Days {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "the first day")
        java.time.LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "the last day")
        java.time.LocalDate to;
    }

    /** A table printed from published values (events impact, forecast): its format and the registry for site names. */
    static final class Printed {
        @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or json (default: ${DEFAULT-VALUE})")
        String format = "table";
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        java.nio.file.Path registry;
    }

    /** How to read log sources (replay, parse, ingest). */
    static final class Source {
        @Option(names = "--format", paramLabel = "FORMAT",
                description = "auto, syslog, logread, portal-json, portal-csv or radius-detail (default: ${DEFAULT-VALUE})")
        String format = "auto";
        @Option(names = "--ap", paramLabel = "ID", description = "the AP of lines that name none")
        String ap;
        @Option(names = "--reference-time", paramLabel = "ISO",
                description = "the time years are inferred against, e.g. 2026-11-29T12:00:00+09:00 (default: each "
                        + "file's modification time)")
        String referenceTime;
        @Option(names = "--opt-out", paramLabel = "FILE",
                description = "MACs whose owners opted out, one per line (default: TABIJI_OPT_OUT)")
        String optOut;

        SourceOptions options(ApRegistry registry, Map<String, String> env) throws IOException {
            return SourceOptions.from(format, ap, referenceTime, optOut != null ? optOut : env.get("TABIJI_OPT_OUT"),
                    registry);
        }
    }

    /** Hotspot-health thresholds of the job (replay, stream), under the job's own flag names. */
    static final class Health {
        @Option(names = "--silent-after-min", paramLabel = "MIN", description = "an AP is silent after (default: 15)")
        String silentAfterMin;
        @Option(names = "--usual-days", paramLabel = "N", description = "days an hour must be busy to be usual (default: 4)")
        String usualDays;
        @Option(names = "--usual-window-days", paramLabel = "N", description = "days looked back for usual hours (default: 7)")
        String usualWindowDays;
        @Option(names = "--overload-after-min", paramLabel = "MIN", description = "over capacity this long (default: 5)")
        String overloadAfterMin;
        @Option(names = "--login-spike-window-min", paramLabel = "MIN", description = "login spike window (default: 10)")
        String loginSpikeWindowMin;
        @Option(names = "--login-spike-min-attempts", paramLabel = "N", description = "attempts in it, at least (default: 20)")
        String loginSpikeMinAttempts;
        @Option(names = "--login-spike-failure-share", paramLabel = "SHARE", description = "failed share (default: 0.3)")
        String loginSpikeFailureShare;
        @Option(names = "--unknown-ap-quiet-h", paramLabel = "H", description = "an unknown AP alerts again after (default: 24)")
        String unknownApQuietH;
        @Option(names = "--alert-webhook-file", paramLabel = "FILE",
                description = "a file holding the alert webhook URL (or TABIJI_ALERT_WEBHOOK; never the URL itself "
                        + "as a flag: flags are public)")
        String alertWebhookFile;

        /** The flags given, by the job's names (HealthSettings.FLAGS). */
        Map<String, String> given() {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, "silent-after-min", silentAfterMin);
            put(m, "usual-days", usualDays);
            put(m, "usual-window-days", usualWindowDays);
            put(m, "overload-after-min", overloadAfterMin);
            put(m, "login-spike-window-min", loginSpikeWindowMin);
            put(m, "login-spike-min-attempts", loginSpikeMinAttempts);
            put(m, "login-spike-failure-share", loginSpikeFailureShare);
            put(m, "unknown-ap-quiet-h", unknownApQuietH);
            put(m, "alert-webhook-file", alertWebhookFile);
            return m;
        }

        HealthSettings settings() {
            try {
                return HealthSettings.from(ParameterTool.fromMap(given()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static void put(Map<String, String> m, String name, String value) {
            if (value != null) {
                m.put(name, value);
            }
        }
    }

    /** A live source's Prometheus endpoint and its wait for Kafka (ingest). */
    static final class Live {
        @Option(names = "--metrics-port", paramLabel = "PORT",
                description = "serve Prometheus /metrics on this port (default: TABIJI_METRICS_PORT, else off)")
        String metricsPort;
        @Option(names = "--metrics-bind", paramLabel = "ADDR",
                description = "address of the metrics endpoint (default: TABIJI_METRICS_BIND, else 127.0.0.1)")
        String metricsBind;
        @Option(names = "--kafka-wait-ms", paramLabel = "MS",
                description = "how long a send may wait for Kafka before the source pauses (default: ${DEFAULT-VALUE})")
        int kafkaWaitMs = 10_000;
    }
}
