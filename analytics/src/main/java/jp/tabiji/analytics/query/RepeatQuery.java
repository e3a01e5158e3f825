package jp.tabiji.analytics.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Repeat visitors per site (DESIGN.md): devices with visits to the site on two or more days of the range, next to
 * all its visitors. A device id lives one pseudonym period, so repeats are counted within a period (none with
 * daily pseudonyms). Columns {@code site_id,repeat_visitors,visitors}. Distinct days per device do not change
 * when a visit row is written twice, so the query needs no {@code FINAL}.
 */
public final class RepeatQuery {
    private final ClickHouseHttp clickhouse;
    private final int k;

    public RepeatQuery(ClickHouseHttp clickhouse, int k) {
        this.clickhouse = clickhouse;
        this.k = k;
    }

    public ResultTable run(LocalDate from, LocalDate to) {
        return table(clickhouse.select(sql(from, to)));
    }

    public static String sql(LocalDate from, LocalDate to) {
        Ranges.check(from, to);
        return "SELECT site_id, countIf(days >= 2), count() FROM (SELECT site_id, device_id, uniqExact(day) "
                + "AS days FROM visits WHERE " + Ranges.days(from, to) + " GROUP BY site_id, device_id) "
                + "GROUP BY site_id ORDER BY site_id";
    }

    public ResultTable table(List<String[]> result) {
        List<List<Object>> rows = new ArrayList<>();
        for (String[] r : result) {
            rows.add(List.of(r[0], Long.parseLong(r[1]), Long.parseLong(r[2])));
        }
        return Suppression.primary(new ResultTable(List.of("site_id", "repeat_visitors", "visitors"), rows,
                List.of("repeat_visitors", "visitors"), k));
    }
}
