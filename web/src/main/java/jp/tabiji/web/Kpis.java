package jp.tabiji.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * The overview's key figures over a range, region-wide or for one site: visitors, the foreign share (among
 * visitors whose language is known), the median dwell, and the repeat rate. A figure is shown only where at least
 * k devices stand behind each count it is made of; otherwise it is null.
 *
 * <p>Only the dwell reads {@code FINAL}: distinct counts and {@code argMax} by the replacing version give the same
 * answer over rows a later one supersedes, and skipping the merge on read is what keeps a month fast.
 */
final class Kpis {
    private final ClickHouseHttp clickhouse;
    private final Sites sites;
    private final int k;
    private final Summaries summaries;

    /** @param summaries stored region-wide answers for whole periods, or null to count every request live */
    Kpis(ClickHouseHttp clickhouse, Sites sites, int k, Summaries summaries) {
        this.clickhouse = clickhouse;
        this.sites = sites;
        this.k = k;
        this.summaries = summaries;
    }

    /** The four queries behind the figures, by name, for a WHERE clause. */
    static Map<String, String> queries(String where) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("kpi-visitors", "SELECT uniqExact(device_id) FROM site_day_visitors WHERE " + where);
        q.put("kpi-langs", "SELECT countIf(lang != 'ja' AND lang != 'unknown'), countIf(lang != 'unknown') FROM "
                + "(SELECT device_id, argMax(lang, last_event_ms) AS lang FROM site_day_visitors WHERE " + where
                + " GROUP BY device_id)");
        q.put("kpi-dwell", "SELECT n, median, devices FROM (SELECT count() AS n, arraySort(groupArray(dwell_s)) AS d, "
                + "d[intDiv(n + 1, 2)] AS median, uniqExact(device_id) AS devices FROM visits FINAL WHERE " + where + ")");
        q.put("kpi-repeat", "SELECT countIf(repeated), count() FROM (SELECT device_id, max(days >= 2) AS repeated "
                + "FROM (SELECT site_id, device_id, uniqExact(day) AS days FROM visits WHERE " + where
                + " GROUP BY site_id, device_id) GROUP BY device_id)");
        return q;
    }

    private List<String[]> rows(Map<String, String> queries, String name, StatsRequest r) {
        boolean regionWide = r.site() == null && r.area() == null; // only the region's figures are stored
        return Summaries.storedOrLive(regionWide ? summaries : null, name, r.from(), r.to(), clickhouse,
                queries.get(name));
    }

    Map<String, Object> run(StatsRequest r) {
        Map<String, String> q = queries(Sql.where(r, sites));
        Map<String, Object> out = new LinkedHashMap<>();
        long visitors = Long.parseLong(rows(q, "kpi-visitors", r).get(0)[0]);
        out.put("visitors", visitors >= k ? visitors : null);

        List<String[]> langs = rows(q, "kpi-langs", r);
        long foreign = Long.parseLong(langs.get(0)[0]);
        long known = Long.parseLong(langs.get(0)[1]);
        boolean shareSafe = foreign >= k && known - foreign >= k; // both parts of the ratio stand on k devices
        out.put("foreign_share", shareSafe ? round((double) foreign / known) : null);

        List<String[]> dwell = rows(q, "kpi-dwell", r);
        long n = Long.parseLong(dwell.get(0)[0]);
        out.put("median_dwell_s", n > 0 && Long.parseLong(dwell.get(0)[2]) >= k
                ? Long.parseLong(dwell.get(0)[1]) : null);

        List<String[]> repeat = rows(q, "kpi-repeat", r);
        long repeated = Long.parseLong(repeat.get(0)[0]);
        long all = Long.parseLong(repeat.get(0)[1]);
        out.put("repeat_rate", repeated >= k && all - repeated >= k ? round((double) repeated / all) : null);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
