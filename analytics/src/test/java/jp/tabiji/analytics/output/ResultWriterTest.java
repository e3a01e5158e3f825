package jp.tabiji.analytics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.tabiji.analytics.query.ResultTable;
import org.junit.jupiter.api.Test;

class ResultWriterTest {
    private final ResultTable table = new ResultTable(List.of("day", "visitors", "private_mac_share"), List.of(
            List.of("2026-11-02", 120L, "30-40%"), List.of("2026-11-03", ResultTable.SUPPRESSED, ResultTable.SUPPRESSED)),
            List.of("visitors"), 10);

    @Test
    void aHiddenCountReadsUnderKAndAHiddenBandIsBlank() {
        assertThat(ResultWriter.csv(table)).isEqualTo("day,visitors,private_mac_share\n2026-11-02,120,30-40%\n"
                + "2026-11-03,<10,\n");
    }

    @Test
    void theJsonHasNullForEveryHiddenCell() {
        assertThat(new ResultWriter(id -> null).render(table, OutputFormat.JSON))
                .contains("\"visitors\":null").contains("\"private_mac_share\":null").contains("\"30-40%\"");
    }
}
