package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptRowsTest {
    @Test
    void keptRowsStayWithinTheirBudgetLeastRecentlyUsedFirstOut() {
        KeptRows kept = new KeptRows(5);
        List<String> reads = new ArrayList<>();
        kept.of("a", () -> read(reads, "a", 2));
        kept.of("b", () -> read(reads, "b", 2));
        kept.of("a", () -> read(reads, "a", 2)); // used again: b is now the eldest
        kept.of("c", () -> read(reads, "c", 2)); // 6 rows: b goes
        kept.of("a", () -> read(reads, "a", 2));
        kept.of("b", () -> read(reads, "b", 2));
        assertThat(reads).containsExactly("a", "b", "c", "b");
        kept.of("huge", () -> read(reads, "huge", 9)); // over the budget alone: kept, everything else goes
        kept.of("huge", () -> read(reads, "huge", 9));
        kept.of("c", () -> read(reads, "c", 2));
        assertThat(reads).containsExactly("a", "b", "c", "b", "huge", "c");
    }

    private static List<String[]> read(List<String> reads, String key, int rows) {
        reads.add(key);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(new String[] {key, String.valueOf(i)});
        }
        return out;
    }
}
