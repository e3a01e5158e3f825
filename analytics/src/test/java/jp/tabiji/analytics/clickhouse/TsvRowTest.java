package jp.tabiji.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TsvRowTest {
    @Test
    void aStoredRowReadsBackAsTheCellsItWasMadeOf() {
        String[] cells = {"site\ta", "line\nbreak", "back\\slash", "", "日本語", "\\N literally"};
        String line = ClickHouseHttp.tsvRow(cells);
        assertThat(line).doesNotContain("\n").contains("site\\ta");
        String[] fields = line.split("\t", -1);
        assertThat(fields).hasSize(cells.length);
        for (int i = 0; i < cells.length; i++) {
            assertThat(ClickHouseHttp.unescape(fields[i])).isEqualTo(cells[i]);
        }
    }

    @Test
    void aNullCellIsTabSeparatedNull() {
        assertThat(ClickHouseHttp.unescape(ClickHouseHttp.tsvRow(new String[] {null}))).isNull();
    }
}
