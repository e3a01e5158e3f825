package jp.tabiji.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.LineParser;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.ApRegistry;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A sender spoofing endless AP names creates a bounded set of AP ids downstream, and the excess is counted. */
class UnknownApCapTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void endlessSpoofedApNamesBecomeOneOverflowApPerSource() {
        IngestCounters counters = new IngestCounters();
        List<WifiEvent> out = new ArrayList<>();
        RecordRouter router = new RecordRouter(new EdgeProcessor(new EventNormalizer(ApRegistry.empty(),
                new Pseudonymizer("s".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, TOKYO)),
                OptOutList.empty()), out::add, d -> { }, () -> 0L, counters, "syslog");
        LineParser parser = new LineParser(TOKYO);
        for (int i = 0; i < 10_000; i++) {
            String line = "<30>Nov  3 10:15:02 spoof-" + i + " hostapd: wlan0: AP-STA-CONNECTED 02:00:00:00:00:01";
            router.route(new LogRecord("udp://10.0.0.9", i, line, parser.parse(line), 0));
        }
        Set<String> apIds = new HashSet<>();
        out.forEach(e -> apIds.add(e.apId));
        assertThat(out).hasSize(10_000);
        assertThat(apIds).hasSize(257).contains("spoof-0", "spoof-255", "unknown-aps@10.0.0.9")
                .doesNotContain("spoof-256");
        assertThat(counters.unknownApOverflow.get()).isEqualTo(10_000 - 256);
    }

    @Test
    void spoofedSourcesAreBoundedTooAndKnownNamesStayThemselves() {
        UnknownApCap cap = new UnknownApCap(2, 5);
        assertThat(cap.admit("udp://a", "x")).isEqualTo("x");
        assertThat(cap.admit("udp://a", "y")).isEqualTo("y");
        assertThat(cap.admit("udp://a", "z")).isEqualTo("unknown-aps@a");
        assertThat(cap.admit("udp://a", "x")).isEqualTo("x");
        for (int i = 0; i < 10; i++) {
            cap.admit("udp://s" + i, "n");
        }
        assertThat(cap.admit("udp://new", "n")).isEqualTo("unknown-aps@new");
        assertThat(cap.admit("udp://s0", "n")).isEqualTo("n");
    }
}
