package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tabiji ingest file` and `ingest radius` as real processes: killed with SIGKILL and restarted, files rotated by
 * rename and by copytruncate, Kafka stopped and started under them. Every line must reach Kafka exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileFollowIT {
    @TempDir
    static Path dir;
    private KafkaBroker kafka;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void startKafka() throws IOException {
        kafka = new KafkaBroker(dir.resolve("kafka"), FreePorts.find(), FreePorts.find()).start();
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 2);
        Files.write(dir.resolve("registry.csv"), List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
                "sendai-ap01,00:1a:1e:01:01:10,sendai-station,仙台駅,Sendai Station,Sendai,38.26,140.88"));
    }

    /** Every ingest process started, stopped after each test even when it failed half-way. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopIngest() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor();
        }
        started.clear();
    }

    @AfterAll
    void stopKafka() throws IOException {
        kafka.close();
    }

    @Test
    void followsThroughKillRotationTruncationAndKafkaOutagesExactlyOnce() throws Exception {
        Path log = dir.resolve("ap.log");
        int n = append(log, 0, 200_000);
        Process first = ingest("file", log.toString());
        waitFor(() -> committed() >= 40_000, "first events");
        first.destroyForcibly().waitFor(); // SIGKILL, mid-stream
        assertThat(committed()).as("killed before it read everything").isLessThan(200_000);

        // rotated by rename while the follower is down: the rest of the old file must still be read
        Files.move(log, dir.resolve("ap.log.1"));
        n = append(log, n, 10_000);
        Process second = ingest("file", log.toString());
        waitFor(() -> events("hostapd") == 210_000, "the rotated file's remainder and the new file");

        // copytruncate while running
        n = append(log, n, 5_000);
        waitFor(() -> events("hostapd") == 215_000, "lines before copytruncate");
        Files.copy(log, dir.resolve("ap.log.2"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        n = append(log, n, 5_000);
        waitFor(() -> events("hostapd") == 220_000, "lines after copytruncate");

        // Kafka away: the follower waits, then resumes with nothing lost
        kafka.stop();
        n = append(log, n, 5_000);
        Thread.sleep(3_000);
        kafka.start();
        waitFor(() -> events("hostapd") == 225_000, "lines written while Kafka was down");

        // rename rotation while running, the writer appending to the old file just after the rename
        Files.move(log, dir.resolve("ap.log.3"));
        n = append(dir.resolve("ap.log.3"), n, 1_000);
        n = append(log, n, 4_000);
        int total = n;
        waitFor(() -> events("hostapd") == total, "both sides of a live rotation");
        second.destroy(); // SIGTERM: clean shutdown
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Integer> perDevice = new HashMap<>();
        for (String e : TopicReader.values(kafka.bootstrapServers(), Topics.EVENTS)) {
            JsonNode node = json.readTree(e);
            if (node.get("source").asText().equals("hostapd")) {
                assertThat(node.get("siteId").asText()).isEqualTo("sendai-station");
                perDevice.merge(node.get("deviceId").asText(), 1, Integer::sum);
            }
        }
        assertThat(perDevice).as("one event per line").hasSize(total);
        assertThat(perDevice.values()).allMatch(c -> c == 1);
        String output = Files.readString(dir.resolve("ingest-file.out"));
        assertThat(output).as("the cases above really happened").contains("rotated", "truncated", "Kafka unavailable");
        assertThat(output).doesNotContainPattern("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    }

    @Test
    void followsFreeRadiusDetailFilesStartingWhileKafkaIsDown() throws Exception {
        Path radius = Files.createDirectories(dir.resolve("radacct/10.1.1.10"));
        kafka.stop();
        int metricsPort = jp.tabiji.stack.FreePorts.find();
        Process p = ingest("radius", radius.toString(), "--metrics-port", Integer.toString(metricsPort));
        Path day1 = radius.resolve("detail-20261103");
        Files.writeString(day1, record("Start", "06-FC-E4-4A-E5-05", "Tue Nov  3 10:15:02 2026")
                + record("Interim-Update", "06-FC-E4-4A-E5-05", "Tue Nov  3 10:30:02 2026")
                + "Tue Nov  3 10:45:02 2026\n\tAcct-Status-Type = Stop\n");
        Thread.sleep(5_000);
        kafka.start();
        waitFor(() -> events("radius") == 2, "records written while Kafka was down");
        // the open record completes; a new day's file appears
        Files.writeString(day1, "\tCalling-Station-Id = \"06-FC-E4-4A-E5-05\"\n\tNAS-Identifier = \"sendai-ap01\"\n",
                StandardOpenOption.APPEND);
        Files.writeString(radius.resolve("detail-20261104"), record("Start", "5C-CF-7F-94-F6-23",
                "Wed Nov  4 09:00:00 2026") + record("Start", "not-a-mac", "Wed Nov  4 09:05:00 2026"));
        waitFor(() -> events("radius") == 4, "the completed record and the next day's file");
        // what Prometheus scrapes from the ingest process: counts by source, rejects by reason, Kafka latency
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("tabiji_ingest_events_published_total{source=\"radius\"} 4.0")
                .contains("tabiji_ingest_rejected_total{reason=\"missing or bad Calling-Station-Id\",source=\"radius\"} 1.0")
                .contains("tabiji_ingest_dropped_total{source=\"radius\"} 0.0")
                .containsPattern("tabiji_ingest_lines_read_total\\{source=\"radius\"\\} [5-9]")
                .containsPattern("tabiji_ingest_kafka_send_seconds_count\\{source=\"radius\"\\} [1-9]")
                .doesNotContainIgnoringCase("06-fc-e4").doesNotContainIgnoringCase("5c-cf-7f");
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> types = new ArrayList<>();
        for (String e : TopicReader.values(kafka.bootstrapServers(), Topics.EVENTS)) {
            JsonNode node = json.readTree(e);
            if (node.get("source").asText().equals("radius")) {
                types.add(node.get("type").asText());
                assertThat(node.get("apId").asText()).isEqualTo("sendai-ap01");
            }
        }
        assertThat(types).containsExactlyInAnyOrder("ACCT_START", "ACCT_INTERIM", "ACCT_STOP", "ACCT_START");
        assertThat(Files.readString(dir.resolve("ingest-radius.out"))).as("it did start without Kafka")
                .contains("Kafka unavailable");
    }

    private static String record(String status, String mac, String header) {
        return header + "\n\tAcct-Status-Type = " + status + "\n\tCalling-Station-Id = \"" + mac + "\"\n"
                + "\tCalled-Station-Id = \"00-1A-1E-01-01-11:Miyagi_Free_Wi-Fi\"\n\tNAS-Identifier = \"sendai-ap01\"\n\n";
    }

    /** Appends hostapd lines, one new client MAC each; returns the next line number. */
    private static int append(Path file, int from, int count) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (int i = from; i < from + count; i++) {
                w.write(String.format(Locale.ROOT, "<30>1 2026-11-03T10:%02d:%02d.000+09:00 sendai-ap01 hostapd - - - "
                        + "wlan0: AP-STA-CONNECTED 02:00:%02x:%02x:%02x:%02x%n", (i / 60) % 60, i % 60,
                        (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff));
            }
        }
        return from + count;
    }

    private Process ingest(String kind, String path, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), TabijiCli.class.getName(), "ingest", kind,
                path, "--registry", dir.resolve("registry.csv").toString(), "--kafka-wait-ms", "2000"));
        cmd.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ingest-" + kind + ".out").toFile()));
        pb.environment().put("TABIJI_HOME", dir.resolve("home").toString());
        pb.environment().put("TABIJI_KAFKA", kafka.bootstrapServers());
        pb.environment().put("TABIJI_SECRET", "s3cret");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Events of one source in the topic, read committed. */
    private long events(String source) {
        return TopicReader.values(kafka.bootstrapServers(), Topics.EVENTS).stream()
                .filter(v -> v.contains("\"source\":\"" + source + "\"")).count();
    }

    /** A cheap upper bound of committed events (offsets include transaction markers). */
    private long committed() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return c.endOffsets(List.of(new TopicPartition(Topics.EVENTS, 0), new TopicPartition(Topics.EVENTS, 1)),
                    Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
