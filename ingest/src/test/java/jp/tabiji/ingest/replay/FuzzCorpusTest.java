package jp.tabiji.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.ParseResult;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.MacMasker;
import jp.tabiji.ingest.publish.DeadLetter;
import org.junit.jupiter.api.Test;

/** The nasty inputs by name: each must become events, skips and rejections, and memory must stay bounded. */
class FuzzCorpusTest {
    private static final int LIMIT = 8192;

    private static List<LogRecord> read(byte[] input) throws IOException {
        List<LogRecord> out = new ArrayList<>();
        try (LogFileStream s = new LogFileStream("corpus", new ByteArrayInputStream(input),
                new RecordDecoder(LogFormat.AUTO, new ParseContext(ZoneId.of("Asia/Tokyo"), null)), LIMIT,
                1795_000_000_000L)) {
            for (LogRecord r = s.next(); r != null; r = s.next()) {
                out.add(r);
            }
        }
        return out;
    }

    private static String reason(LogRecord r) {
        assertThat(r.result()).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) r.result()).reason();
    }

    @Test
    void aOneMegabyteLineIsRejectedWithATruncatedMaskedCopyAndTheNextLineStillReads() throws IOException {
        StringBuilder huge = new StringBuilder("<30>1 2026-11-03T10:15:02Z ap hostapd - - - wlan0: AP-STA-CONNECTED ");
        while (huge.length() < 1 << 20) {
            huge.append("06:fc:e4:4a:e5:05 ");
        }
        String good = "<30>1 2026-11-03T10:15:02Z ap hostapd - - - wlan0: AP-STA-CONNECTED 5c:cf:7f:94:f6:23";
        List<LogRecord> out = read((huge + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(2);
        assertThat(reason(out.get(0))).contains("longer than 8192 bytes");
        assertThat(out.get(0).line().length()).isLessThanOrEqualTo(LIMIT);
        DeadLetter letter = DeadLetter.of(reason(out.get(0)), "file", 0, "corpus", 1, out.get(0).line());
        assertThat(letter.line()).hasSizeLessThanOrEqualTo(DeadLetter.MAX_LINE_CHARS);
        assertThat(MacMasker.containsMacLike(letter.line())).isFalse();
        assertThat(out.get(1).result()).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void invalidUtf8AndNulBytesAreRejectedByName() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("<30>1 2026-11-03T10:15:02Z ap hostapd - - - wlan0: AP-STA-CONNECTED ".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, '\n'});
        b.writeBytes("<30>1 2026-11-03T10:15:02Z ap hostapd - - - wlan0: AP-STA-CONNECTED 06:fc\0:e4:4a:e5:05\n"
                .getBytes(StandardCharsets.UTF_8));
        List<LogRecord> out = read(b.toByteArray());
        assertThat(reason(out.get(0))).contains("UTF-8");
        assertThat(reason(out.get(1))).contains("NUL");
    }

    @Test
    void impossibleDatesAreRejected() throws IOException {
        List<LogRecord> out = read(String.join("\n",
                "Feb 30 10:00:00 ap hostapd: wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
                "<30>1 2026-02-30T10:00:00Z ap hostapd - - - wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
                "Mon Foo 16 22:05:04 2017 daemon.notice hostapd: wlan1: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
                "Mon Oct 16 25:05:04 2017 daemon.notice hostapd: wlan1: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
                "{\"ts\":\"2026-13-01T00:00:00+09:00\",\"ap\":\"a\",\"mac\":\"06fce44ae505\",\"event\":\"login\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(5).allMatch(r -> r.result() instanceof ParseResult.Rejected);
    }

    @Test
    void truncatedRecordsAreRejectedNotLost() throws IOException {
        List<LogRecord> out = read(String.join("\n",
                "<30>1 2026-11-03T10:15:02Z ap hostapd - - - wlan0: AP-STA-CONN",
                "<30>1 2026-11-03T10:1",
                "{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\",\"mac\":\"06-FC-E4",
                "Tue Nov  3 10:15:02 2026",
                "\tAcct-Status-Type = Start",
                "\tCalling-Station-Id = \"06-FC-E4-4A-E5") // detail record cut by the end of the file
                .getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(4);
        assertThat(out.get(0).result()).isInstanceOf(ParseResult.Skipped.class); // a hostapd line, no client event
        assertThat(out.subList(1, 4)).allMatch(r -> r.result() instanceof ParseResult.Rejected);
        assertThat(out.get(3).line()).startsWith("Tue Nov  3 10:15:02 2026\n\tAcct-Status-Type = Start");
    }

    @Test
    void aDetailRecordCannotGrowWithoutBound() throws IOException {
        StringBuilder s = new StringBuilder("Tue Nov  3 10:15:02 2026\n");
        for (int i = 0; i < 100_000; i++) {
            s.append("\tX-Attr-").append(i).append(" = 1\n");
        }
        List<LogRecord> out = read(s.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(1);
        assertThat(reason(out.get(0))).contains("longer than");
        assertThat(out.get(0).line().lines().count()).isLessThanOrEqualTo(RecordDecoder.MAX_DETAIL_LINES + 1);
    }
}
