package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.streaming.KafkaEventsJob;
import jp.tabiji.streaming.health.HealthSettings;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job with a source that falls idle: no event arrives at all, so no watermark moves, yet an AP that
 * usually speaks at this hour is reported silent by processing time, and cleared when it speaks again. The same
 * run is scraped through Flink's Prometheus reporter for the pipeline's own metrics.
 */
class LiveSilenceIT {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String AP = "matsushima-ap09";
    @TempDir
    Path dir;

    @Test
    void anIdleSourceStillRevealsASilentApAndTheJobReportsItsMetrics() throws Exception {
        try (LocalStack stack = LocalStack.startOnFreePorts(dir.resolve("stack"))) {
            ClickHouseHttp ch = new ClickHouseHttp(stack.clickhouseUrl(), "live");
            new SchemaMigrator(ch).migrate();
            TopicSetup.ensureTopics(stack.kafkaBootstrap(), 2);
            // a week of history with events in every hour (so every hour is usual), then one event now
            long now = System.currentTimeMillis();
            List<WifiEvent> history = new ArrayList<>();
            for (long t = now - 7 * 86_400_000L; t < now; t += 3_600_000L) {
                history.add(event(t, "device-" + (t / 3_600_000L % 5)));
            }
            history.add(event(now, "device-now"));
            EventsTopic.sendToPartition0(stack.kafkaBootstrap(), history);

            int metricsPort = FreePorts.find();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
                    EmbeddedJobRunner.withPrometheus(EmbeddedJobRunner.checkpointsIn(dir.resolve("checkpoints")),
                            metricsPort));
            env.enableCheckpointing(500);
            HealthSettings oneMinute = new HealthSettings(Duration.ofMinutes(1), 4, 7, Duration.ofMinutes(5),
                    Duration.ofMinutes(10), 20, 0.3, Duration.ofMinutes(30), Map.of(), null);
            KafkaEventsJob.defineLive(env, new KafkaEventsJob.Settings(stack.kafkaBootstrap(), stack.clickhouseUrl(),
                    "live", TOKYO, Duration.ofMinutes(2), 1_000, dir.resolve("archive").toUri().toString(),
                    Duration.ofSeconds(2)).withHealth(oneMinute));
            JobClient job = env.executeAsync("live silence");
            try {
                String silent = "SELECT count() FROM alerts WHERE kind = 'silent' AND ap_id = '" + AP + "'";
                waitFor(() -> ch.selectLong(silent + " AND state = 'open'") == 1, Duration.ofSeconds(150),
                        "a silent alert although nothing arrives");
                String ts = ch.select("SELECT toUnixTimestamp(ts) FROM alerts WHERE kind = 'silent'").get(0)[0];
                assertThat(Long.parseLong(ts) * 1000).as("opened a minute after the last arrival, by the wall clock")
                        .isBetween(now + 55_000, System.currentTimeMillis());

                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("flink_taskmanager_job_task_operator_numRecordsIn")
                        .contains("flink_taskmanager_job_task_operator_numRecordsOut")
                        .contains("flink_jobmanager_job_lastCheckpointDuration")
                        .contains("flink_taskmanager_job_task_operator_currentInputWatermark")
                        .containsPattern("flink_taskmanager_job_task_operator_watermarkLagMs\\{[^}]*operator_name=\"AP_health\"")
                        .contains("KafkaSourceReader_KafkaConsumer_records_lag_max");

                EventsTopic.sendToPartition0(stack.kafkaBootstrap(),
                        List.of(event(System.currentTimeMillis(), "device-back")));
                waitFor(() -> ch.selectLong(silent + " AND state = 'clear'") == 1, Duration.ofSeconds(60),
                        "the alert to clear once the AP speaks again");
            } finally {
                job.cancel().get();
            }
        }
    }

    private static WifiEvent event(long ts, String device) {
        return new WifiEvent(ts, AP, "matsushima", device, false, EventType.CONNECT, null, "test");
    }


    private static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
