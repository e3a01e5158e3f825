package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LogTimeTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static long ms(String t) {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    }

    private static Long infer(int month, int day, int h, int m, String reference) {
        return LogTime.withInferredYear(month, day, h, m, 0, 0, TOKYO, ms(reference));
    }

    @Test
    void picksTheYearClosestToTheReference() {
        assertThat(infer(11, 3, 10, 0, "2026-11-29T12:00:00+09:00")).isEqualTo(ms("2026-11-03T10:00:00+09:00"));
        // a December line read just after New Year belongs to the old year
        assertThat(infer(12, 31, 23, 59, "2027-01-01T00:10:00+09:00")).isEqualTo(ms("2026-12-31T23:59:00+09:00"));
        // a clock slightly ahead across New Year: at most a day after the reference is allowed
        assertThat(infer(1, 1, 0, 30, "2026-12-31T23:50:00+09:00")).isEqualTo(ms("2027-01-01T00:30:00+09:00"));
        // more than a day ahead is never chosen: it is last year's
        assertThat(infer(12, 5, 0, 0, "2026-12-01T00:00:00+09:00")).isEqualTo(ms("2025-12-05T00:00:00+09:00"));
    }

    @Test
    void impossibleDatesHaveNoYear() {
        assertThat(infer(2, 30, 0, 0, "2026-11-29T12:00:00+09:00")).isNull();
        assertThat(infer(2, 29, 0, 0, "2027-03-01T00:00:00+09:00")).isNull();
        assertThat(infer(2, 29, 0, 0, "2028-03-01T00:00:00+09:00")).isEqualTo(ms("2028-02-29T00:00:00+09:00"));
    }

    @Test
    void readsZoneAbbreviations() {
        assertThat(LogTime.zone("JST", ZoneId.of("UTC"))).isEqualTo(TOKYO);
        assertThat(LogTime.zone("UTC", TOKYO).getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds()).isZero();
        assertThat(LogTime.zone("XYZ", TOKYO)).isEqualTo(TOKYO);
        assertThat(LogTime.month("Sep")).isEqualTo(9);
        assertThat(LogTime.month("Sept")).isEqualTo(-1);
        assertThat(LogTime.month("anf")).isEqualTo(-1);
    }
}
