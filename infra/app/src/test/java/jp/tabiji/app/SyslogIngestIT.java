package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.tabiji.ingest.live.SyslogEndpoint;
import jp.tabiji.ingest.live.SyslogIngest;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.privacy.MacMasker;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live syslog into a real broker, with util-linux {@code logger} as the client: UDP, TCP with newline framing,
 * TCP with octet counting, and a burst of 100,000 messages that must all arrive exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyslogIngestIT {
    private static final int BURST = 100_000;
    @TempDir
    static Path dir;
    private KafkaBroker kafka;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void startKafka() throws IOException {
        kafka = new KafkaBroker(dir.resolve("kafka"), FreePorts.find(), FreePorts.find()).start();
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 2);
    }

    @AfterAll
    void stopKafka() throws IOException {
        kafka.close();
    }

    @Test
    void loggerOverUdpAndBothTcpFramingsAndABurstArriveExactlyOnce() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        // logger names this machine as the host: the registry makes it an AP of a site
        ApRegistry registry = ApRegistry.parse(List.of(
                "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
                host + ",00:1a:1e:09:01:10,test-site,試験,Test site,Test,38.0,140.0"), "test");
        IngestCounters counters = new IngestCounters();
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(registry, new Pseudonymizer(
                "s3cret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, ZoneId.of("Asia/Tokyo"))),
                OptOutList.empty());
        SyslogIngest.Settings settings = SyslogIngest.Settings.defaults(ZoneId.of("Asia/Tokyo"), null);
        SyslogIngest ingest = new SyslogIngest(settings, edge,
                new EventPublisher(kafka.bootstrapServers(), EventPublisher.waitForKafka()), counters);
        ingest.start(SyslogEndpoint.parseList("udp://127.0.0.1:0,tcp://127.0.0.1:0"));
        String udpPort = Integer.toString(port(ingest, 0));
        String tcpPort = Integer.toString(port(ingest, 1));

        Shell.run("logger", "-d", "-n", "127.0.0.1", "-P", udpPort, "--rfc5424", "-t", "hostapd",
                "wlan0: AP-STA-CONNECTED 02:00:00:00:00:01");
        Shell.run("logger", "-T", "-n", "127.0.0.1", "-P", tcpPort, "--rfc3164", "-t", "hostapd",
                "wlan0: AP-STA-CONNECTED 02:00:00:00:00:02");
        Shell.run("logger", "-T", "--octet-count", "-n", "127.0.0.1", "-P", tcpPort, "--rfc5424", "-t", "hostapd",
                "wlan1-1: AP-STA-DISCONNECTED 02:00:00:00:00:03");
        Shell.run("logger", "-T", "-n", "127.0.0.1", "-P", tcpPort, "-t", "hostapd", "wlan0: AP-STA-CONNECTED "
                + "02:00:00:00:00:zz");

        Path burst = dir.resolve("burst.txt");
        List<String> lines = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            lines.add("wlan0: AP-STA-CONNECTED " + mac(0x100000 + i));
        }
        Files.write(burst, lines, StandardCharsets.UTF_8);
        Shell.run("logger", "-T", "--octet-count", "-n", "127.0.0.1", "-P", tcpPort, "--rfc5424", "-t", "hostapd",
                "-f", burst.toString());
        // UDP may arrive after the TCP messages; wait until everything is in before shutting down
        long deadline = System.currentTimeMillis() + 60_000;
        while (counters.lines.get() < BURST + 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        ingest.close();

        assertThat(counters.dropped.get()).isZero();
        assertThat(counters.published.get()).isEqualTo(BURST + 3);
        assertThat(counters.rejected.get()).isEqualTo(1);
        List<String> events = TopicReader.values(kafka.bootstrapServers(), Topics.EVENTS).stream()
                .filter(v -> v.contains("\"siteId\":\"test-site\"")).toList();
        assertThat(events).hasSize(BURST + 3);
        Set<String> devices = new HashSet<>();
        for (String e : events) {
            JsonNode n = json.readTree(e);
            assertThat(n.get("apId").asText()).isEqualTo(host);
            assertThat(n.get("siteId").asText()).isEqualTo("test-site");
            assertThat(n.get("source").asText()).isEqualTo("hostapd");
            devices.add(n.get("deviceId").asText());
        }
        assertThat(devices).as("every message exactly once").hasSize(BURST + 3);
        List<String> dlq = TopicReader.values(kafka.bootstrapServers(), Topics.DLQ);
        assertThat(dlq).hasSize(1);
        assertThat(json.readTree(dlq.get(0)).get("reason").asText()).contains("MAC");
        assertThat(json.readTree(dlq.get(0)).get("source").asText()).isEqualTo("syslog");
        for (String r : events) {
            assertThat(MacMasker.containsMacLike(r)).as(r).isFalse();
        }
        assertThat(dlq.get(0)).doesNotContain("02:00:00:00:00").contains(MacMasker.MASK);
    }

    @Test
    void whileKafkaIsAwayMessagesWaitInABoundedBufferAndWhatDidNotFitIsCounted() throws Exception {
        kafka.stop();
        try {
            bufferDuringOutage();
        } finally {
            kafka.start();
        }
    }

    private void bufferDuringOutage() throws Exception {
        IngestCounters counters = new IngestCounters();
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(ApRegistry.empty(), new Pseudonymizer(
                "s3cret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, ZoneId.of("Asia/Tokyo"))),
                OptOutList.empty());
        SyslogIngest.Settings d = SyslogIngest.Settings.defaults(ZoneId.of("Asia/Tokyo"), null);
        SyslogIngest ingest = new SyslogIngest(new SyslogIngest.Settings(d.zone(), null, 1_000, d.maxMessageBytes(),
                1, d.tcp(), d.shutdownTimeout()), edge, new EventPublisher(kafka.bootstrapServers(),
                EventPublisher.waitForKafka()), counters);
        ingest.start(SyslogEndpoint.parseList("tcp://127.0.0.1:0"));
        Path lines = dir.resolve("outage.txt");
        List<String> text = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            text.add("wlan0: AP-STA-CONNECTED " + mac(0x700000 + i));
        }
        Files.write(lines, text, StandardCharsets.UTF_8);
        Shell.run("logger", "-T", "--octet-count", "-n", "127.0.0.1", "-P", Integer.toString(port(ingest, 0)),
                "--rfc5424", "-t", "hostapd", "-f", lines.toString());
        long deadline = System.currentTimeMillis() + 60_000;
        while (counters.dropped.get() + ingest.queued() < 4_999 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the reader may still be going through what logger wrote
        }
        assertThat(counters.dropped.get()).as("the buffer holds 1,000; the rest is dropped and counted")
                .isGreaterThan(3_000);
        kafka.start();
        ingest.close();
        assertThat(counters.published.get() + counters.dropped.get()).isEqualTo(5_000);
        assertThat(counters.published.get()).isBetween(1_000L, 1_100L);
        Pseudonymizer p = new Pseudonymizer("s3cret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH,
                ZoneId.of("Asia/Tokyo"));
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            sent.add(p.deviceId(jp.tabiji.ingest.privacy.MacAddress.parse(mac(0x700000 + i)), System.currentTimeMillis()));
        }
        List<String> arrived = new ArrayList<>();
        for (String e : TopicReader.values(kafka.bootstrapServers(), Topics.EVENTS)) {
            String id = json.readTree(e).get("deviceId").asText();
            if (sent.contains(id)) {
                arrived.add(id);
            }
        }
        assertThat(arrived).as("what was buffered arrives once Kafka is back, each once")
                .hasSize((int) counters.published.get()).doesNotHaveDuplicates();
    }

    private static int port(SyslogIngest ingest, int i) {
        InetSocketAddress a = ingest.server().boundAddresses().get(i);
        return a.getPort();
    }

    private static String mac(int n) {
        return String.format(Locale.ROOT, "02:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }
}
