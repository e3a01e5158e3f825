package jp.tabiji.analytics.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Visits and dwell per site over a range: median and p90 by nearest rank (the value at rank ceil(p·n) of the
 * sorted dwells), computed exactly from the visits (never a sketch: users plan with these). Visits belong to the
 * day they start. Columns {@code site_id,visits,median_dwell_s,p90_dwell_s}.
 */
public final class DwellQuery {
    private final ClickHouseHttp clickhouse;
    private final int k;

    public DwellQuery(ClickHouseHttp clickhouse, int k) {
        this.clickhouse = clickhouse;
        this.k = k;
    }

    /** DESIGN.md's buckets, half-open minutes, and their labels. */
    static final String BUCKET = "multiIf(dwell_s < 900, '0-15', dwell_s < 1800, '15-30', dwell_s < 3600, '30-60', "
            + "dwell_s < 7200, '60-120', '120+')";

    /** @param by "" (per site) or "site,bucket" (the histogram: {@code site_id,bucket,visits}) */
    public ResultTable run(LocalDate from, LocalDate to, String by) {
        return switch (by.replace(" ", "")) {
            case "", "site" -> run(from, to);
            case "site,bucket", "bucket" -> histogram(from, to);
            default -> throw new IllegalArgumentException("--by for dwell must be site or site,bucket, not '" + by + "'");
        };
    }

    private ResultTable histogram(LocalDate from, LocalDate to) {
        return histogramTable(clickhouse.select(histogramSql(from, to)));
    }

    public static String histogramSql(LocalDate from, LocalDate to) {
        Ranges.check(from, to);
        return "SELECT site_id, " + BUCKET + " AS bucket, count(), uniqExact(device_id), min(dwell_s) AS lo "
                + "FROM visits FINAL WHERE " + Ranges.days(from, to) + " GROUP BY site_id, bucket ORDER BY site_id, lo";
    }

    public ResultTable histogramTable(List<String[]> result) {
        List<List<Object>> rows = new ArrayList<>();
        List<Long> devices = new ArrayList<>();
        for (String[] r : result) {
            rows.add(List.of(r[0], r[1], Long.parseLong(r[2])));
            devices.add(Long.parseLong(r[3]));
        }
        return Suppression.behind(new ResultTable(List.of("site_id", "bucket", "visits"), rows, List.of(), k),
                devices, List.of("visits"));
    }

    public ResultTable run(LocalDate from, LocalDate to) {
        return table(clickhouse.select(sql(from, to)));
    }

    public static String sql(LocalDate from, LocalDate to) {
        Ranges.check(from, to);
        // integer ranks: ceil(n/2) and ceil(9n/10), so no floating point decides a rank
        return "SELECT site_id, n, median, p90, devices FROM (SELECT site_id, count() AS n, "
                + "arraySort(groupArray(dwell_s)) AS d, d[intDiv(n + 1, 2)] AS median, d[intDiv(9 * n + 9, 10)] AS p90, "
                + "uniqExact(device_id) AS devices FROM visits FINAL WHERE " + Ranges.days(from, to)
                + " GROUP BY site_id) ORDER BY site_id";
    }

    public ResultTable table(List<String[]> result) {
        List<List<Object>> rows = new ArrayList<>();
        List<Long> devices = new ArrayList<>();
        for (String[] r : result) {
            rows.add(List.of(r[0], Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3])));
            devices.add(Long.parseLong(r[4]));
        }
        ResultTable t = new ResultTable(List.of("site_id", "visits", "median_dwell_s", "p90_dwell_s"), rows,
                List.of(), k);
        return Suppression.behind(t, devices, List.of("visits", "median_dwell_s", "p90_dwell_s"));
    }
}
