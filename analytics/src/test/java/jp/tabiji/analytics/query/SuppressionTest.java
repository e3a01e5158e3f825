package jp.tabiji.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final Object X = ResultTable.SUPPRESSED;

    @Test
    void aLoneSuppressedCellTakesTheSmallestShownCellOfItsLineWithIt() {
        ResultTable t = Suppression.primary(new ResultTable(List.of("site_id", "lang", "visitors"), List.of(
                List.of("a", "en", 25L), List.of("a", "ja", 12L), List.of("a", "ko", 3L),
                List.of("b", "en", 30L), List.of("b", "ja", 40L),
                List.of("c", "en", 2L), List.of("c", "ja", 4L), List.of("c", "ko", 50L)),
                List.of("visitors"), 10));
        ResultTable s = Suppression.complementary(t, List.of("site_id"), "visitors");
        assertThat(s.rows()).extracting(r -> r.get(2)).containsExactly(25L, X, X, 30L, 40L, X, X, 50L);
    }

    @Test
    void theComplementHidesEveryNamedColumnOfItsRow() {
        ResultTable t = new ResultTable(List.of("route", "lang", "travellers", "trips"), List.of(
                List.of("r", "en", X, X), List.of("r", "ja", 15L, 20L), List.of("r", "ko", 11L, 30L)),
                List.of("travellers"), 10);
        ResultTable s = Suppression.complementary(t, List.of("route"), "travellers", "trips");
        assertThat(s.rows().get(2)).containsExactly("r", "ko", X, X);
        assertThat(s.rows().get(1)).containsExactly("r", "ja", 15L, 20L);
    }
}
