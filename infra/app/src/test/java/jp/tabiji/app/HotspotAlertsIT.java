package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.SimulatedFault;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.streaming.health.HealthSettings;
import jp.tabiji.analytics.hotspots.Hotspot;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotspot alerts end to end: the simulator injects an outage, an overload and a login-failure burst on the sixth
 * day of a week with steady AP traffic; a replay on a real Kafka broker and ClickHouse server must open each
 * alert within its window of the fault and clear it after, raise nothing else, and publish the same alerts on
 * {@code tabiji.alerts} (read back with kcat). A clean run of the same week raises nothing but the unknown AP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotAlertsIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private LocalStack stack;

    @BeforeAll
    void startStack() throws IOException {
        stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.stop();
        }
    }

    /** One alert transition as stored. */
    record Row(String alertId, String state, String kind, String apId, long ts) {
    }

    private Path simulate(String name, List<String> faults) throws IOException {
        Path out = dir.resolve(name);
        List<SimulatedFault> parsed = faults.stream().map(f -> SimulatedFault.parse(f, TOKYO)).toList();
        new WorkloadSimulator().write(new WorkloadSimulator.Options(6, 300, 11, START, TOKYO, PseudonymPeriod.MONTH,
                true, parsed), out);
        return out;
    }

    private List<Row> replay(String database, Path sim) throws Exception {
        return replay(database, sim, HealthSettings.defaults());
    }

    private List<Row> replay(String database, Path sim, HealthSettings health) throws Exception {
        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), database,
                TOKYO, 10, PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive-" + database).toUri().toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new Replay(c, c.secret(Map.of()), quiet, false, health).run(
                List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))), UnaryOperator.identity());
        List<Row> rows = new ArrayList<>();
        for (String[] r : new ClickHouseHttp(stack.clickhouseUrl(), database).select(
                "SELECT alert_id, state, kind, ap_id, toUnixTimestamp(ts) FROM alerts FINAL ORDER BY ts, alert_id")) {
            rows.add(new Row(r[0], r[1], r[2], r[3], Long.parseLong(r[4]) * 1000));
        }
        return rows;
    }

    private static long ms(JsonNode n, String field) {
        return Instant.parse(n.get(field).asText()).toEpochMilli();
    }

    @Test
    void aCleanWeekRaisesNothingButTheUnknownAp() throws Exception {
        Path sim = simulate("clean", List.of());
        List<Row> alerts = replay("clean", sim);
        JsonNode truth = JSON.readTree(sim.resolve("truth.json").toFile());
        assertThat(truth.get("faults")).isEmpty();
        List<String> unknown = new ArrayList<>();
        truth.get("unknownAps").forEach(n -> unknown.add(n.asText()));
        assertThat(unknown).isNotEmpty(); // the simulator's unregistered lobby AP
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo("unknown_ap");
            assertThat(unknown).contains(a.apId());
        });
        assertThat(alerts.stream().map(Row::apId).distinct().toList()).containsExactlyInAnyOrderElementsOf(unknown);
        // every minute of every AP is there: clients never exceed capacity in a clean week
        String over = new ClickHouseHttp(stack.clickhouseUrl(), "clean").select(
                "SELECT count() FROM ap_minute WHERE clients_now > 150").get(0)[0];
        assertThat(Long.parseLong(over)).isZero();
    }

    @Test
    void eachInjectedFaultOpensItsAlertInItsWindowAndClearsAfterIt() throws Exception {
        Path sim = simulate("faults", List.of(
                "outage:matsushima-ap01:2026-11-07T10:00/2026-11-07T11:00",
                "overload:sendai-station-ap02:2026-11-07T13:00/2026-11-07T13:20",
                "login_burst:zuiganji-ap01:2026-11-07T15:00/2026-11-07T15:05"));
        // a webhook receiver that refuses the first two deliveries: the job retries and sends every transition
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean refuse = attempts.incrementAndGet() <= 2;
            if (!refuse) {
                delivered.add(body);
            }
            ex.sendResponseHeaders(refuse ? 503 : 200, -1);
            ex.close();
        });
        receiver.start();
        List<Row> alerts;
        try {
            alerts = replay("faults", sim, HealthSettings.defaults().withWebhook("http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook"));
        } finally {
            receiver.stop(0);
        }
        JsonNode truth = JSON.readTree(sim.resolve("truth.json").toFile());
        assertThat(truth.get("faults")).hasSize(3);
        List<Row> explained = new ArrayList<>();
        for (JsonNode f : truth.get("faults")) {
            String kind = f.get("alert").asText();
            String ap = f.get("ap_id").asText();
            List<Row> mine = alerts.stream().filter(a -> a.kind().equals(kind) && a.apId().equals(ap)).toList();
            assertThat(mine).as("%s at %s", kind, ap).hasSize(2);
            Row open = mine.get(0);
            Row clear = mine.get(1);
            assertThat(open.state()).isEqualTo("open");
            assertThat(clear.state()).isEqualTo("clear");
            assertThat(clear.alertId()).isEqualTo(open.alertId());
            assertThat(open.ts()).as("%s opens", kind).isBetween(ms(f, "opens_after") - 999, ms(f, "opens_by"));
            assertThat(clear.ts()).as("%s clears", kind).isBetween(ms(f, "clears_after") - 999, ms(f, "clears_by"));
            explained.addAll(mine);
        }
        // each clearing carries the alert's peak against its threshold, not the value it cleared at
        List<String[]> cleared = new ClickHouseHttp(stack.clickhouseUrl(), "faults").select("SELECT kind, peak_value, "
                + "value, threshold, peak_attempts, peak_failures, basis FROM alerts FINAL WHERE state = 'clear' AND kind IN "
                + "('overloaded', 'login_failure_spike') ORDER BY kind");
        assertThat(cleared).extracting(r -> r[0]).containsExactly("login_failure_spike", "overloaded");
        for (String[] r : cleared) {
            double peak = Double.parseDouble(r[1]);
            assertThat(peak).as(r[0] + " peak over its clearing value").isGreaterThanOrEqualTo(Double.parseDouble(r[2]));
            assertThat(peak).as(r[0] + " peak over its threshold").isGreaterThanOrEqualTo(Double.parseDouble(r[3]));
            if (r[0].equals("overloaded")) {
                assertThat(peak).isGreaterThan(Double.parseDouble(r[2]));
            } else {
                // the simulated portal logs successful logins too: the share of failed attempts decides
                assertThat(r[6]).isEqualTo("failure_share");
                long peakAttempts = Long.parseLong(r[4]);
                assertThat(peakAttempts).isGreaterThanOrEqualTo(HealthSettings.defaults().spikeMinAttempts());
                assertThat(Long.parseLong(r[5]) / (double) peakAttempts).isCloseTo(peak, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        List<String> unknown = new ArrayList<>();
        truth.get("unknownAps").forEach(n -> unknown.add(n.asText()));
        assertThat(alerts).filteredOn(a -> !explained.contains(a)).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo("unknown_ap");
            assertThat(unknown).contains(a.apId());
        });

        // the same transitions on the topic, as a consumer sees them
        String topic = Shell.run("kcat", "-C", "-b", stack.kafkaBootstrap(), "-t", "tabiji.alerts", "-e", "-q");
        List<String> published = new ArrayList<>();
        for (String line : topic.split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                assertThat(n.get("schema").asInt()).isEqualTo(jp.tabiji.streaming.health.AlertJson.SCHEMA_VERSION);
                published.add(n.get("alert_id").asText() + "/" + n.get("state").asText());
            }
        }
        assertThat(published).containsAll(explained.stream().map(a -> a.alertId() + "/" + a.state()).toList());
        List<String> hooked = new ArrayList<>();
        for (String body : delivered) {
            JsonNode n = JSON.readTree(body);
            hooked.add(n.get("alert_id").asText() + "/" + n.get("state").asText());
        }
        assertThat(attempts.get()).isGreaterThan(delivered.size());
        assertThat(hooked).containsExactlyInAnyOrderElementsOf(
                alerts.stream().map(a -> a.alertId() + "/" + (a.state())).toList());

        // the operations board during each fault, and `tabiji query hotspots` at the end of the day
        ApRegistry registry = ApRegistry.load(sim.resolve("registry.csv"));
        HotspotBoard board = new HotspotBoard(new ClickHouseHttp(stack.clickhouseUrl(), "faults"), registry);
        assertThat(status(board, "2026-11-07T10:30:00+09:00", "matsushima-ap01").status()).isEqualTo("silent");
        Hotspot crowded = status(board, "2026-11-07T13:10:00+09:00", "sendai-station-ap02");
        assertThat(crowded.status()).isEqualTo("overloaded");
        assertThat(crowded.clientsNow()).isGreaterThan(crowded.capacity());
        assertThat(crowded.openAlerts()).isEqualTo(1);
        assertThat(status(board, "2026-11-07T15:06:00+09:00", "zuiganji-ap01").openAlerts()).isEqualTo(1);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        int exit = TabijiCli.run(new String[] {"query", "hotspots", "--to", "2026-11-07", "--format", "csv",
                "--registry", sim.resolve("registry.csv").toString()}, Map.of("TABIJI_HOME",
                dir.resolve("home").toString(), "TABIJI_KAFKA", stack.kafkaBootstrap(), "TABIJI_CLICKHOUSE",
                stack.clickhouseUrl(), "TABIJI_CLICKHOUSE_DB", "faults"), new PrintStream(csv, true,
                StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("ap_id,site_id,status,last_seen,clients_now,open_alerts");
        assertThat(lines).hasSize(1 + registry.accessPoints().size() + unknown.size());
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("matsushima-ap01,matsushima,ok,2026-11-07T23:"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(unknown.get(0) + ",,unknown,"));
    }

    private static Hotspot status(HotspotBoard board, String at, String ap) {
        return board.board(java.time.OffsetDateTime.parse(at).toInstant().toEpochMilli()).hotspots().stream()
                .filter(h -> h.apId().equals(ap)).findFirst().orElseThrow();
    }
}
