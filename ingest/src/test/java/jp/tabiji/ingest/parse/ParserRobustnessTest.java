package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.privacy.MacMasker;
import jp.tabiji.ingest.publish.DeadLetter;
import jp.tabiji.ingest.replay.LogFileStream;
import jp.tabiji.ingest.replay.LogRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * No input makes a parser throw: random text and bytes, and real sample lines damaged at random (cut short,
 * characters replaced, NUL and invalid UTF-8 inserted) each become an event, a skip or a rejection, and no
 * rejection's DLQ record carries a MAC-like token.
 */
class ParserRobustnessTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long REFERENCE = 1795_000_000_000L;
    private static final List<String> SAMPLE_LINES = sampleLines();

    @Property(tries = 2000)
    void anyTextIsReadWithoutThrowing(@ForAll @Size(max = 300) String line) {
        ParseResult r = new LineParser(new ParseContext(TOKYO, "ap")).parse(line, REFERENCE);
        assertThat(r).isNotNull();
    }

    @Property(tries = 3000)
    void damagedSampleLinesAreReadWithoutThrowing(@ForAll("damagedLines") String line) {
        for (LogFormat f : LogFormat.values()) {
            List<RecordDecoder.Decoded> out = new ArrayList<>();
            RecordDecoder d = new RecordDecoder(f, new ParseContext(TOKYO, null));
            d.accept(line, 1, REFERENCE, out::add);
            d.finish(out::add);
            assertThat(out).isNotEmpty().allMatch(x -> x.result() != null);
            assertThat(d.idle()).isTrue();
            for (RecordDecoder.Decoded x : out) {
                if (x.result() instanceof ParseResult.Rejected rej) {
                    DeadLetter letter = DeadLetter.of(rej.reason(), "file", 0, "test", 1, x.text());
                    assertThat(MacMasker.containsMacLike(letter.line())).as(letter.line()).isFalse();
                    assertThat(MacMasker.containsMacLike(letter.reason())).isFalse();
                }
            }
        }
    }

    @Property(tries = 500)
    void anyBytesBecomeRecordsWithoutThrowing(@ForAll @Size(max = 4000) byte[] bytes) throws IOException {
        try (LogFileStream s = new LogFileStream("fuzz", new ByteArrayInputStream(bytes),
                new RecordDecoder(LogFormat.AUTO, new ParseContext(TOKYO, "ap")), 512, REFERENCE)) {
            for (LogRecord r = s.next(); r != null; r = s.next()) {
                assertThat(r.result()).isNotNull();
            }
        }
    }

    @Provide
    Arbitrary<String> damagedLines() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLE_LINES);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 400);
        Arbitrary<String> junk = Arbitraries.of("\0", "\uFFFD", "", " ", ":", "\t", "<", "%", "2026", "99",
                "Feb 30", "13", "\u00e9", "\"", "=", "[", "]", "AP-STA-CONNECTED ", "12:34:56:78:9a:bc");
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 2);
        return Combinators.combine(sample, where, junk, op).as((s, w, j, o) -> {
            int at = Math.min(w, s.length());
            return switch (o) {
                case 0 -> s.substring(0, at); // cut short
                case 1 -> s.substring(0, at) + j + s.substring(at); // inserted
                default -> s.substring(0, at) + j + s.substring(Math.min(s.length(), at + j.length() + 1)); // replaced
            };
        });
    }

    private static List<String> sampleLines() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("hostapd-rfc3164.log", "openwrt-logread.log", "cisco-aireos.log",
                "cisco-9800.log", "aruba-stm.log", "detail-20261103", "portal.csv")) {
            try (InputStream in = ParserRobustnessTest.class.getResourceAsStream("/samples/" + name)) {
                lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        lines.add("<30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan0: AP-STA-CONNECTED "
                + "06:fc:e4:4a:e5:05");
        lines.add("{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\",\"mac\":\"06-FC-E4-4A-E5-05\","
                + "\"event\":\"login\",\"lang\":\"zh-TW\"}");
        return lines;
    }
}
