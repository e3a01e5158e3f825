package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's language in a cell is that of its latest row. Two rows of one device with the same time but
 * different languages (a replay that re-read a log whose language was corrected) must give one answer, whichever
 * part ClickHouse reads first (or which shard answers first): the tie goes to the greater language, in both
 * orders of insertion.
 */
class LatestRowTiesIT {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    @TempDir
    Path dir;

    @Test
    void aTieOnTheTimeGivesTheSameLanguageWhicheverRowCameFirst() throws Exception {
        try (ClickHouseServer server = new ClickHouseServer(dir, FreePorts.find(), FreePorts.find()).start()) {
            for (List<String> order : List.of(List.of("en", "zh-Hans"), List.of("zh-Hans", "en"))) {
                String db = "ties_" + order.get(0).replace("-", "_");
                ClickHouseHttp ch = new ClickHouseHttp(server.httpUrl(), db);
                new SchemaMigrator(ch).migrate();
                // each insert is a part of its own, kept apart (a merge would keep the row inserted last, which
                // is deterministic too), so the query reads both rows in whatever order its threads take them
                ch.execute("SYSTEM STOP MERGES");
                for (String lang : order) {
                    ch.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang) VALUES "
                            + "('matsushima', '2026-11-02', 'device-1', 1762041600000, '" + lang + "')");
                    ch.execute("INSERT INTO site_hour_visitors (site_id, day, hour, device_id, last_event_ms, lang) "
                            + "VALUES ('matsushima', '2026-11-02', '2026-11-02T10', 'device-1', 1762041600000, '"
                            + lang + "')");
                }
                assertThat(ch.selectLong("SELECT count() FROM system.parts WHERE database = '" + db
                        + "' AND table = 'site_day_visitors' AND active")).isEqualTo(2);
                assertThat(languages(ExactQuery.run(ch, "visitors", "site,day,lang", DAY, DAY))).as(db)
                        .containsExactly("zh-Hans");
                assertThat(languages(ExactQuery.run(ch, "languages", "hour,lang", DAY, DAY))).as(db)
                        .containsExactly("zh-Hans");
            }
        }
    }

    private static List<Object> languages(ResultTable t) {
        int lang = t.columnIndex("lang");
        return t.rows().stream().map(r -> r.get(lang)).toList();
    }
}
