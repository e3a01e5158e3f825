package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeRangesTest {
    private static final LocalDate D = LocalDate.of(2026, 6, 10);

    @Test
    void aDaysReachDependsOnItselfAndTheYearBeforeItOnly() {
        Map<LocalDate, Long> sources = FreeRanges.reachSources(Map.of(
                D.minusDays(ReachCells.HISTORY_DAYS + 1), 900L, // too long ago to matter to D
                D.minusDays(ReachCells.HISTORY_DAYS), 50L,
                D, 10L,
                D.plusDays(1), 20L));
        assertThat(sources.get(D)).isEqualTo(50L);
        assertThat(sources.get(D.plusDays(1))).as("D - 366 is out of its year").isEqualTo(20L);
        assertThat(sources.get(D.minusDays(ReachCells.HISTORY_DAYS + 1))).isEqualTo(900L);
        assertThat(sources).hasSize(4);
    }

    @Test
    void anOlderChangeDoesNotHideANewerOneOfTheDayItself() {
        assertThat(FreeRanges.reachSources(Map.of(D.minusDays(3), 5L, D, 7L)).get(D)).isEqualTo(7L);
    }
}
