package jp.tabiji.analytics.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Trips and travellers per origin → destination over a range of departure days, optionally per the traveller's
 * language. Columns {@code origin_site_id,destination_site_id[,lang],trips,travellers}, sorted by trips
 * descending, then origin, then destination (DESIGN.md).
 */
public final class FlowQuery {
    private final ClickHouseHttp clickhouse;
    private final int k;

    public FlowQuery(ClickHouseHttp clickhouse, int k) {
        this.clickhouse = clickhouse;
        this.k = k;
    }

    /** @param by "" or "lang" */
    public ResultTable run(LocalDate from, LocalDate to, String by) {
        return table(clickhouse.select(sql(from, to, by)), by);
    }

    /** The query's SQL; its rows become the table by {@link #table}. */
    public static String sql(LocalDate from, LocalDate to, String by) {
        Ranges.check(from, to);
        String keys = "origin_site_id, destination_site_id" + (byLang(by) ? ", lang" : "");
        return "SELECT " + keys + ", count() AS trips, uniqExact(device_id) FROM moves FINAL WHERE "
                + Ranges.days(from, to) + " GROUP BY " + keys + " ORDER BY trips DESC, " + keys;
    }

    private static boolean byLang(String by) {
        return switch (by) {
            case "", "route" -> false;
            case "lang" -> true;
            default -> throw new IllegalArgumentException("--by for flows must be lang (or nothing), not '" + by + "'");
        };
    }

    /** Rows of {@link #sql} as the suppressed table. */
    public ResultTable table(List<String[]> result, String by) {
        boolean byLang = byLang(by);
        List<String> columns = new ArrayList<>(List.of("origin_site_id", "destination_site_id"));
        if (byLang) {
            columns.add("lang");
        }
        columns.addAll(List.of("trips", "travellers"));
        List<List<Object>> rows = new ArrayList<>();
        List<Long> travellers = new ArrayList<>();
        for (String[] r : result) {
            int n = r.length;
            List<Object> row = new ArrayList<>(List.of((Object[]) r).subList(0, n - 2));
            row.add(Long.parseLong(r[n - 2]));
            row.add(Long.parseLong(r[n - 1]));
            rows.add(row);
            travellers.add(Long.parseLong(r[n - 1]));
        }
        ResultTable t = Suppression.primary(new ResultTable(columns, rows, List.of("travellers"), k));
        return Suppression.behind(t, travellers, List.of("trips"));
    }
}
