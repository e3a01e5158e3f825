package jp.tabiji.analytics.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Visitors per site and day (optionally per language), or region-wide per day. Dates reach SQL only as
 * literals printed from parsed {@link LocalDate}s (18.16 has no query parameters).
 */
public final class VisitorQuery {
    /** The groupings `query visitors --by` accepts. */
    public enum Grouping {
        SITE_DAY("site,day"), SITE_DAY_LANG("site,day,lang"), DAY("day"), DAY_LANG("day,lang");

        private final String flag;

        Grouping(String flag) {
            this.flag = flag;
        }

        public static Grouping parse(String by) {
            String norm = by.replace(" ", "").toLowerCase(Locale.ROOT);
            for (Grouping g : values()) {
                if (g.flag.equals(norm)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("--by for visitors must be one of site,day | site,day,lang | day | "
                    + "day,lang, not '" + by + "'");
        }

        public boolean bySite() {
            return this == SITE_DAY || this == SITE_DAY_LANG;
        }

        public boolean byLang() {
            return this == SITE_DAY_LANG || this == DAY_LANG;
        }
    }

    private final ClickHouseHttp clickhouse;
    private final int k;

    public VisitorQuery(ClickHouseHttp clickhouse, int k) {
        this.clickhouse = clickhouse;
        this.k = k;
    }

    public ResultTable run(LocalDate from, LocalDate to, Grouping g) {
        Ranges.check(from, to);
        String range = Ranges.days(from, to);
        String sql;
        if (g.bySite()) {
            sql = "SELECT site_id, toString(day)" + (g.byLang() ? ", lang" : "") + ", uniqExact(device_id)"
                    + " FROM site_day_visitors FINAL WHERE " + range
                    + " GROUP BY site_id, day" + (g.byLang() ? ", lang" : "")
                    + " ORDER BY site_id, day" + (g.byLang() ? ", lang" : "");
        } else if (g.byLang()) {
            // region-wide: a device's language is the one at the end of the visit holding its last event that day
            sql = "SELECT toString(day), lang, uniqExact(device_id) FROM (SELECT day, device_id, "
                    + "argMax(lang, last_event_ms) AS lang FROM site_day_visitors WHERE " + range
                    + " GROUP BY day, device_id) GROUP BY day, lang ORDER BY day, lang";
        } else {
            sql = "SELECT toString(day), uniqExact(device_id) FROM site_day_visitors WHERE " + range
                    + " GROUP BY day ORDER BY day";
        }
        List<String> columns = new ArrayList<>();
        if (g.bySite()) {
            columns.add("site_id");
        }
        columns.add("day");
        if (g.byLang()) {
            columns.add("lang");
        }
        columns.add("visitors");
        List<List<Object>> rows = new ArrayList<>();
        for (String[] r : clickhouse.select(sql)) {
            List<Object> row = new ArrayList<>(List.of((Object[]) r).subList(0, r.length - 1));
            row.add(Long.parseLong(r[r.length - 1]));
            rows.add(row);
        }
        return Suppression.primary(new ResultTable(columns, rows, List.of("visitors"), k));
    }
}
