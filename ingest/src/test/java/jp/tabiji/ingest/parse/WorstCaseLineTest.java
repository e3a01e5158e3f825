package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hostile sender's 8 KB line costs each parser about what a short one does per character: every real sample line,
 * of every format, with 8 KB of the fillers that make backtracking patterns quadratic (runs of spaces after a
 * keyword, repeated keywords and separators, one endless word) put before it and after it.
 *
 * <p>The bound is generous on purpose (no timed test of speed): a linear parse of these lines takes well under a
 * millisecond, the quadratic patterns they were written against took one to two seconds.
 */
class WorstCaseLineTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long REFERENCE = 1795_000_000_000L;
    private static final int SIZE = 8000;
    private static final long BOUND_MS = 150;
    private static final List<String> FILLERS = List.of(" ", "\t", "a", ":", "-", ".", "0", "=", "client ",
            "client : ", "STA ", "sta", "(from client a port b cli ", " via ", "%A-1-B: ", "AP name ", "AP MAC ",
            "aa:", "0a:0b:", "Login OK ", "ssid ", "authentication ", "AP 1.2.3.4-", "assoc", "deauth to ",
            "x: ", "<1>", "Nov  3 10:15:02 ", "\"mac\":\"", "\\\"", "{\"a\":", "[");
    private static final List<String> KEYWORDS = List.of("client", "Client MAC", "STA", "station", "mobile",
            "MACAddress", "device with MAC", "AP name", "AP MAC", "Base Radio MAC", "BSSID", "ssid", "authentication",
            "client deleted", "Login OK", "(from client a port", "AP-STA-CONNECTED", "cli", "%A-1-B:");

    @Test
    void everyFormatsWorstCaseLineParsesInBoundedTime() throws IOException {
        List<String> slow = new ArrayList<>();
        long worstNs = 0;
        String worst = "";
        for (String sample : samples()) {
            for (String pad : pads(SIZE - sample.length())) {
                String filler = pad.substring(0, Math.min(12, pad.length()));
                for (String line : List.of(pad + sample, sample + pad)) {
                    long ns = timeParse(line);
                    if (ns > worstNs) {
                        worstNs = ns;
                        worst = "'" + filler + "' in " + sample;
                    }
                    if (ns > BOUND_MS * 1_000_000) {
                        slow.add(String.format("%.0f ms: filler '%s' in %s", ns / 1e6, filler, sample));
                    }
                }
            }
        }
        System.out.printf("worst 8 KB line: %.2f ms (%s)%n", worstNs / 1e6, worst);
        assertThat(slow).as("lines over " + BOUND_MS + " ms").isEmpty();
    }

    /** Each filler repeated, and each keyword a pattern looks for followed by a long run of blanks or separators. */
    private static List<String> pads(int length) {
        List<String> pads = new ArrayList<>();
        for (String filler : FILLERS) {
            pads.add(filler.repeat(length / filler.length() + 1).substring(0, length));
        }
        for (String keyword : KEYWORDS) {
            for (String run : List.of(" ", ":", "=", " :", "\t", "(")) {
                pads.add((keyword + run.repeat(length)).substring(0, length));
            }
        }
        return pads;
    }

    /** One parse of the line by every format's decoder; a slow one is timed again, warm, before it counts. */
    private static long timeParse(String line) {
        long ns = parseOnce(line);
        return ns > BOUND_MS * 1_000_000 ? Math.min(ns, parseOnce(line)) : ns;
    }

    private static long parseOnce(String line) {
        long t0 = System.nanoTime();
        for (LogFormat f : LogFormat.values()) {
            RecordDecoder d = new RecordDecoder(f, new ParseContext(TOKYO, null));
            d.accept(line, 1, REFERENCE, x -> { });
            d.finish(x -> { });
        }
        return System.nanoTime() - t0;
    }

    private static List<String> samples() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("hostapd-rfc3164.log", "openwrt-logread.log", "cisco-aireos.log", "cisco-9800.log",
                "aruba-stm.log", "detail-20261103", "portal.csv", "freeradius-radius.log")) {
            try (InputStream in = WorstCaseLineTest.class.getResourceAsStream("/samples/" + name)) {
                lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).limit(2).toList());
            }
        }
        lines.add("<30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan0: AP-STA-CONNECTED "
                + "06:fc:e4:4a:e5:05");
        lines.add("{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\",\"mac\":\"06-FC-E4-4A-E5-05\"}");
        assertThat(lines).hasSizeGreaterThan(15);
        return lines;
    }
}
