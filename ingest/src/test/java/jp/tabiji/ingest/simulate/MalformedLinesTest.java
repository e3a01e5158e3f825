package jp.tabiji.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import jp.tabiji.ingest.parse.LineParser;
import jp.tabiji.ingest.parse.ParseResult;
import org.junit.jupiter.api.Test;

/** Every damaged line the simulator writes is rejected with a reason, in both of its formats; none parses. */
class MalformedLinesTest {
    private static final List<String> GOOD = List.of(
            "2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd[812]: wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
            "<30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan1-1: AP-STA-CONNECTED 06fce44ae505",
            "{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\",\"mac\":\"06-FC-E4-4A-E5-05\","
                    + "\"event\":\"login\",\"lang\":\"en\"}");

    @Test
    void everyCorruptionIsRejectedAndTheNoDeviceMacsAreAmongThem() {
        LineParser parser = new LineParser(ZoneId.of("Asia/Tokyo"));
        SplittableRandom rnd = new SplittableRandom(7);
        Set<String> reasons = new HashSet<>();
        for (String good : GOOD) {
            assertThat(parser.parse(good)).isInstanceOf(ParseResult.Parsed.class);
            for (int i = 0; i < 400; i++) {
                ParseResult r = parser.parse(MalformedLines.corrupt(good, rnd));
                assertThat(r).isInstanceOf(ParseResult.Rejected.class);
                reasons.add(((ParseResult.Rejected) r).reason());
            }
        }
        assertThat(reasons).anyMatch(s -> s.contains("all zeros")).anyMatch(s -> s.contains("broadcast"))
                .anyMatch(s -> s.contains("multicast"));
    }
}
