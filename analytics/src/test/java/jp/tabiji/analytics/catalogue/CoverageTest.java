package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Ingest coverage: "no data" and the range the dashboard opens on, from the days that hold events only. */
class CoverageTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Coverage of(String now, String... days) {
        return new Coverage(Arrays.stream(days).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new)),
                Instant.parse(now), TOKYO);
    }

    private static Optional<Coverage.Span> span(String from, String to) {
        return Optional.of(new Coverage.Span(LocalDate.parse(from), LocalDate.parse(to)));
    }

    @Test
    void aRangeHoldsDataWhenAnyOfItsDaysDoes() {
        Coverage c = of("2026-12-04T00:00:00Z", "2026-11-02", "2026-11-03", "2026-11-10");
        assertThat(c.holdsData(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-03"))).isTrue();
        assertThat(c.holdsData(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-09"))).isFalse();
        assertThat(c.holdsData(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-10"))).isTrue();
        assertThat(c.holdsData(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"))).isFalse();
        assertThat(c.holdsData(LocalDate.parse("2026-11-11"), LocalDate.parse("2027-11-11"))).isFalse();
        assertThat(c.runs()).containsExactly(new Coverage.Span(LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-03")), new Coverage.Span(LocalDate.parse("2026-11-10"),
                LocalDate.parse("2026-11-10")));
    }

    @Test
    void itOpensOnTheLatestIsoWeekThatEndedAndHoldsEvents() {
        // the demo: three days from Monday 2026-11-02, read a month later: their whole week
        assertThat(of("2026-12-04T00:00:00Z", "2026-11-02", "2026-11-03", "2026-11-04").opening())
                .isEqualTo(span("2026-11-02", "2026-11-08"));
        // a live Wednesday: the current week is running, last week has ended
        assertThat(of("2026-11-11T03:00:00Z", "2026-11-05", "2026-11-09", "2026-11-10", "2026-11-11").opening())
                .isEqualTo(span("2026-11-02", "2026-11-08"));
        // weeks without any event are passed over
        assertThat(of("2026-11-25T03:00:00Z", "2026-11-03", "2026-11-24").opening())
                .isEqualTo(span("2026-11-02", "2026-11-08"));
    }

    @Test
    void aWeekCountsAsEndedOnlyAnHourAfterItsSundayInTheRegion() {
        // Sunday 2026-11-08 ends at 15:00 UTC (midnight in Tokyo); late events may come for an hour more
        Coverage justAfter = of("2026-11-08T15:30:00Z", "2026-11-03", "2026-11-08");
        assertThat(justAfter.opening()).isEqualTo(span("2026-11-03", "2026-11-08"));
        Coverage settled = of("2026-11-08T16:00:00Z", "2026-11-03", "2026-11-08");
        assertThat(settled.opening()).isEqualTo(span("2026-11-02", "2026-11-08"));
    }

    @Test
    void withOnlyTheCurrentWeekItOpensOnItsDaysWithEventsAndWithNoneOnNothing() {
        assertThat(of("2026-11-12T03:00:00Z", "2026-11-10", "2026-11-12").opening())
                .isEqualTo(span("2026-11-10", "2026-11-12"));
        assertThat(Coverage.none(Instant.parse("2026-11-12T03:00:00Z"), TOKYO).opening()).isEmpty();
        assertThat(Coverage.none(Instant.parse("2026-11-12T03:00:00Z"), TOKYO)
                .holdsData(LocalDate.MIN, LocalDate.MAX)).isFalse();
    }
}
