package jp.tabiji.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** DESIGN.md's test vectors, secret "tabiji-test-secret". */
class PseudonymizerTest {
    private static final byte[] SECRET = "tabiji-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final MacAddress mac = MacAddress.parse("06:fc:e4:4a:e5:05");

    private String id(PseudonymPeriod period, String label) {
        return new Pseudonymizer(SECRET, period, TOKYO).deviceId(mac, label);
    }

    @Test
    void matchesTheDesignVectors() {
        assertThat(id(PseudonymPeriod.MONTH, "2026-11")).isEqualTo("ae52f210edac386e");
        assertThat(id(PseudonymPeriod.MONTH, "2026-12")).isEqualTo("b2a1bb40a3bc82e9");
        assertThat(id(PseudonymPeriod.WEEK, "2026-W48")).isEqualTo("fb9093b9c48676f0");
        assertThat(id(PseudonymPeriod.DAY, "2026-11-29")).isEqualTo("23600227d0743f19");
        assertThat(id(PseudonymPeriod.NONE, "none")).isEqualTo("d806b556462ce98d");
        assertThat(new Pseudonymizer(SECRET, PseudonymPeriod.MONTH, TOKYO)
                .deviceId(MacAddress.parse("5c:cf:7f:94:f6:23"), "2026-11")).isEqualTo("81fdaa9e7edcb500");
    }

    @Test
    void periodComesFromTheEventsLocalTime() {
        // 2026-11-30T20:00Z is already December 1st in Tokyo
        long ts = ZonedDateTime.parse("2026-11-30T20:00:00Z").toInstant().toEpochMilli();
        assertThat(new Pseudonymizer(SECRET, PseudonymPeriod.MONTH, TOKYO).deviceId(mac, ts)).isEqualTo("b2a1bb40a3bc82e9");
        long w48 = ZonedDateTime.parse("2026-11-29T10:00:00+09:00").toInstant().toEpochMilli();
        assertThat(new Pseudonymizer(SECRET, PseudonymPeriod.WEEK, TOKYO).deviceId(mac, w48)).isEqualTo("fb9093b9c48676f0");
        assertThat(new Pseudonymizer(SECRET, PseudonymPeriod.DAY, TOKYO).deviceId(mac, w48)).isEqualTo("23600227d0743f19");
    }

    @Test
    void anySpellingOfTheMacGivesTheSameId() {
        Pseudonymizer p = new Pseudonymizer(SECRET, PseudonymPeriod.MONTH, TOKYO);
        for (String spelling : new String[] {"06:FC:E4:4A:E5:05", "06-fc-e4-4a-e5-05", "06fce44ae505", "06fc.e44a.e505"}) {
            assertThat(p.deviceId(MacAddress.parse(spelling), "2026-11")).isEqualTo("ae52f210edac386e");
        }
    }

    @Test
    void secretFileLosesItsTrailingNewline() {
        assertThat(Pseudonymizer.secretFromText("tabiji-test-secret\n")).isEqualTo(SECRET);
    }

    /** One pseudonymizer keeps the current period's bounds; its ids must equal those of a fresh one every time. */
    @net.jqwik.api.Property(tries = 300)
    void theCachedPeriodNeverLeaksAcrossABoundary(@net.jqwik.api.ForAll PseudonymPeriod period,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 1_700_000_000_000L,
                    max = 1_900_000_000_000L) long start,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 20) java.util.List<
                    @net.jqwik.api.constraints.IntRange(min = -3_000_000, max = 3_000_000) Integer> stepsSeconds) {
        for (ZoneId zone : java.util.List.of(TOKYO, ZoneId.of("Europe/Berlin"))) {
            Pseudonymizer cached = new Pseudonymizer(SECRET, period, zone);
            long t = start;
            for (int step : stepsSeconds) {
                t += step * 1000L;
                String expected = new Pseudonymizer(SECRET, period, zone).deviceId(mac,
                        period.label(java.time.Instant.ofEpochMilli(t).atZone(zone)));
                assertThat(cached.deviceId(mac, t)).isEqualTo(expected);
            }
        }
    }
}
