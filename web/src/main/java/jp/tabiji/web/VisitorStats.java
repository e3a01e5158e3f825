package jp.tabiji.web;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.query.Suppression;
import jp.tabiji.web.StatsRequest.Group;

/**
 * Visitors grouped by any of place (site or area), one time unit and language, filtered by site, area or language,
 * with DESIGN.md's language rule: a visitor counts once per group, under the language it had at the end of the
 * visit holding its last event in the group's span. Hours come from {@code site_hour_visitors}, everything else
 * from {@code site_day_visitors}.
 *
 * <p>No {@code FINAL}: a row a later one replaces (same site, day or hour, device; smaller last_event_ms) changes
 * neither a distinct count nor {@code argMax(lang, last_event_ms)}, so the merge on read, the slowest part of a
 * month's query on ClickHouse 18.16, is left out.
 */
final class VisitorStats {
    private record Key(String expr, String column) {
    }

    private final ClickHouseHttp clickhouse;
    private final Sites sites;
    private final int k;
    private final Summaries summaries;

    /** @param summaries the per-period answers to use where they are current, or null to always count live */
    VisitorStats(ClickHouseHttp clickhouse, Sites sites, int k, Summaries summaries) {
        this.clickhouse = clickhouse;
        this.sites = sites;
        this.k = k;
        this.summaries = summaries;
    }

    ResultTable run(StatsRequest r) {
        List<Key> keys = keys(r);
        String table = r.groupedBy(Group.HOUR) ? "site_hour_visitors" : "site_day_visitors";
        String where = Sql.where(r, sites);
        StringBuilder select = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(keys.get(i).expr()).append(" AS k").append(i).append(", ");
            outer.append("k").append(i).append(", ");
        }
        boolean byLang = r.groupedBy(Group.LANG);
        String sql;
        if (!byLang && r.lang() == null) {
            sql = "SELECT " + select + "uniqExact(device_id) FROM " + table + " WHERE " + where
                    + groupAndOrder(outer, "");
        } else {
            String inner = "SELECT " + select + "device_id, argMax(lang, last_event_ms) AS device_lang FROM " + table
                    + " WHERE " + where + " GROUP BY " + outer + "device_id";
            String langKey = byLang ? "device_lang" : "";
            sql = "SELECT " + outer + (byLang ? "device_lang, " : "") + "uniqExact(device_id) FROM (" + inner + ")"
                    + (r.lang() == null ? "" : " WHERE device_lang = " + Sql.literal(r.lang()))
                    + groupAndOrder(outer, langKey);
        }
        List<String> columns = new ArrayList<>();
        keys.forEach(key -> columns.add(key.column()));
        if (byLang) {
            columns.add("lang");
        }
        columns.add("visitors");
        List<String[]> answer = (summaries == null ? java.util.Optional.<List<String[]>>empty()
                : summaries.answer(r, keys.stream().map(Key::column).toList())).orElseGet(() -> clickhouse.select(sql));
        List<List<Object>> rows = new ArrayList<>();
        for (String[] cells : answer) {
            List<Object> row = new ArrayList<>(List.of((Object[]) cells).subList(0, cells.length - 1));
            row.add(Long.parseLong(cells[cells.length - 1]));
            rows.add(row);
        }
        ResultTable t = Suppression.primary(new ResultTable(columns, rows, List.of("visitors"), k));
        // within one place and time the languages partition the visitors, whose total is shown elsewhere
        return byLang ? Suppression.complementary(t, columns.subList(0, keys.size()), "visitors") : t;
    }

    private static String groupAndOrder(StringBuilder keys, String extra) {
        String list = keys + extra;
        list = list.endsWith(", ") ? list.substring(0, list.length() - 2) : list;
        return list.isEmpty() ? "" : " GROUP BY " + list + " ORDER BY " + list;
    }

    private List<Key> keys(StatsRequest r) {
        List<Key> keys = new ArrayList<>();
        if (r.groupedBy(Group.SITE)) {
            keys.add(new Key("site_id", "site_id"));
        } else if (r.groupedBy(Group.AREA)) {
            keys.add(new Key(Sql.areaOf(sites), "area"));
        }
        for (Group g : r.groupBy()) {
            switch (g) {
                case HOUR -> keys.add(new Key("hour", "hour"));
                case DAY -> keys.add(new Key("toString(day)", "day"));
                case WEEK -> keys.add(new Key("toString(toMonday(day))", "week"));
                case MONTH -> keys.add(new Key("substring(toString(toStartOfMonth(day)), 1, 7)", "month"));
                default -> {
                }
            }
        }
        return keys;
    }
}
