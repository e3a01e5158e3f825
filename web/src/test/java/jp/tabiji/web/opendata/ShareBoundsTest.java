package jp.tabiji.web.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.tabiji.analytics.query.ResultTable;
import org.junit.jupiter.api.Test;

class ShareBoundsTest {
    @Test
    void aShareIsARatioOfTwoReleasedCellsWithTheBoundsTheNoiseLeaves() {
        // 20 of 50, each within 2: the exact share is between 18/52 and 22/48
        assertThat(ShareBounds.of(20L, 50L, 2).cells()).containsExactly("40.0", "34.6", "45.9");
        assertThat(ShareBounds.of(20L, 50L, 0).cells()).containsExactly("40.0", "40.0", "40.0");
        // noise can put a language above its site's total: never over 100 %, nor under 0
        assertThat(ShareBounds.of(12L, 11L, 2).cells()).containsExactly("100.0", "76.9", "100.0");
        assertThat(ShareBounds.of(1L, 2L, 2).cells()).containsExactly("50.0", "0.0", "100.0");
    }

    @Test
    void aHiddenCellHasNoShare() {
        assertThat(ShareBounds.of(ResultTable.SUPPRESSED, 50L, 2).cells()).containsExactly("", "", "");
        assertThat(ShareBounds.of(20L, ResultTable.SUPPRESSED, 2).cells()).containsExactly("", "", "");
        assertThat(ShareBounds.of(0L, 0L, 2).cells()).containsExactly("", "", "");
    }

    @Test
    void languageSharesCoverTheWholeMonthsOfTheRangeOnly() {
        assertThat(OpenDataBuilder.wholeMonths(LocalDate.parse("2026-05-15"), LocalDate.parse("2026-08-31")))
                .isEqualTo(List.of(YearMonth.parse("2026-06"), YearMonth.parse("2026-07"), YearMonth.parse("2026-08")));
        assertThat(OpenDataBuilder.wholeMonths(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-29"))).isEmpty();
        assertThat(OpenDataBuilder.wholeMonths(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-31")))
                .hasSize(2);
    }
}
