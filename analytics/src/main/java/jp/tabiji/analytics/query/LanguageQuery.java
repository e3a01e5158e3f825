package jp.tabiji.analytics.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Visitors by language: region-wide per day ({@code day,lang,visitors}, the default), per site and day
 * ({@code site_id,day,lang,visitors}) or region-wide per local hour ({@code hour,lang,visitors}, hour as
 * {@code YYYY-MM-DDTHH}). Each device counts once per cell, under the language it had at the end of the visit
 * holding its last event in that span (DESIGN.md).
 */
public final class LanguageQuery {
    private final ClickHouseHttp clickhouse;
    private final int k;

    public LanguageQuery(ClickHouseHttp clickhouse, int k) {
        this.clickhouse = clickhouse;
        this.k = k;
    }

    public ResultTable run(LocalDate from, LocalDate to, String by) {
        String norm = by.replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (norm) {
            case "day,lang", "lang", "" -> new VisitorQuery(clickhouse, k).run(from, to, VisitorQuery.Grouping.DAY_LANG);
            case "site,day,lang" -> new VisitorQuery(clickhouse, k).run(from, to, VisitorQuery.Grouping.SITE_DAY_LANG);
            case "hour,lang" -> hourly(from, to);
            default -> throw new IllegalArgumentException("--by for languages must be one of day,lang | site,day,lang "
                    + "| hour,lang, not '" + by + "'");
        };
    }

    private ResultTable hourly(LocalDate from, LocalDate to) {
        Ranges.check(from, to);
        String sql = "SELECT hour, lang, uniqExact(device_id) FROM (SELECT hour, device_id, argMax(lang, last_event_ms) "
                + "AS lang FROM site_hour_visitors WHERE " + Ranges.days(from, to) + " GROUP BY hour, device_id) "
                + "GROUP BY hour, lang ORDER BY hour, lang";
        List<List<Object>> rows = new ArrayList<>();
        for (String[] r : clickhouse.select(sql)) {
            rows.add(List.of(r[0], r[1], Long.parseLong(r[2])));
        }
        return Suppression.primary(new ResultTable(List.of("hour", "lang", "visitors"), rows, List.of("visitors"), k));
    }
}
