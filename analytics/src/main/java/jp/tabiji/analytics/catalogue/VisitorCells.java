package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * The exact visitor cells of a request, each with its contributors' hash sum, and the same for its visitors with a
 * private (locally administered) address: rows {@code keys..., [lang,] visitors, hashSum, private, privateHashSum},
 * keys in {@link #keyColumns} order. DESIGN.md's language rule: a visitor counts once per cell, under the
 * language it had at the end of the visit holding its last event in the cell's span. Hours come from
 * {@code site_hour_visitors}, everything else from {@code site_day_visitors}.
 *
 * <p>No {@code FINAL}: a row a later one replaces (same site, day or hour, device; smaller last_event_ms) changes
 * neither a distinct count nor {@code argMax(lang, last_event_ms)}, so the merge on read is left out.
 */
final class VisitorCells {
    private record Key(String expr, String column) {
    }

    private final ClickHouseHttp clickhouse;
    private final Sites sites;

    VisitorCells(ClickHouseHttp clickhouse, Sites sites) {
        this.clickhouse = clickhouse;
        this.sites = sites;
    }

    /** The key columns of the request's rows, without the language. */
    static List<String> keyColumns(MetricRequest r) {
        List<String> columns = new ArrayList<>();
        for (Grouping g : r.keyOrder()) {
            switch (g) {
                case SITE -> columns.add("site_id");
                case AREA -> columns.add("area");
                case HOUR, DAY, WEEK, MONTH -> columns.add(g.label());
                default -> {
                }
            }
        }
        return columns;
    }

    List<String[]> live(MetricRequest r) {
        return clickhouse.select(sql(r));
    }

    String sql(MetricRequest r) {
        List<Key> keys = new ArrayList<>();
        for (String column : keyColumns(r)) {
            keys.add(new Key(switch (column) {
                case "site_id" -> "site_id";
                case "area" -> Sql.areaOf(sites);
                case "hour" -> "hour";
                case "day" -> "toString(day)";
                case "week" -> "toString(toMonday(day))";
                default -> "substring(toString(toStartOfMonth(day)), 1, 7)";
            }, column));
        }
        String table = r.groupedBy(Grouping.HOUR) ? "site_hour_visitors" : "site_day_visitors";
        StringBuilder select = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(keys.get(i).expr()).append(" AS k").append(i).append(", ");
            outer.append("k").append(i).append(", ");
        }
        boolean byLang = r.groupedBy(Grouping.LANG);
        String inner = "SELECT " + select + "device_id, " + Sql.LATEST_LANG + " AS device_lang, max(random_mac) "
                + "AS private FROM " + table
                + " WHERE " + Sql.where(r, sites) + " GROUP BY " + outer + "device_id";
        String group = outer + (byLang ? "device_lang" : "");
        group = group.endsWith(", ") ? group.substring(0, group.length() - 2) : group;
        return "SELECT " + outer + (byLang ? "device_lang, " : "") + "count(), sum(" + Sql.hash("device_id") + "), "
                + "countIf(private = 1), sum(if(private = 1, " + Sql.hash("device_id") + ", toUInt64(0))) FROM ("
                + inner + ")" + (r.lang() == null ? "" : " WHERE device_lang = " + Sql.literal(r.lang()))
                + (group.isEmpty() ? "" : " GROUP BY " + group + " ORDER BY " + group);
    }
}
