package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;

/**
 * Visits and dwell per place (site, area or the region) over a range of start days: {@code [place,]visits,
 * median_dwell_s,p90_dwell_s}, or by DESIGN.md's buckets {@code [place,]bucket,visits}. Visit counts are released
 * cells, shown only where at least k devices stand behind them; a free range's visits are the sum of its released
 * day cells. Percentiles count no persons: they are exact, and shown where the visits are.
 */
final class DwellMetric {
    static final List<String> BUCKETS = List.of("0-15", "15-30", "30-60", "60-120", "120+");
    private final CellSource cells;
    private final Sites sites;
    private final Release release;

    DwellMetric(CellSource cells, Sites sites, Release release) {
        this.cells = cells;
        this.sites = sites;
        this.release = release;
    }

    ResultTable run(MetricRequest r) {
        if (r.lang() != null) {
            throw new IllegalArgumentException("dwell is not broken down by language; leave lang out");
        }
        PlaceLevel level = PlaceLevel.of(r);
        boolean free = release.latticeOnly() && Periods.lattice(r.from(), r.to()) == null;
        boolean buckets = r.groupedBy(Grouping.BUCKET);
        Map<List<String>, Object[]> cellsByKey = buckets ? buckets(r, level, free) : stats(r, level, free);
        boolean placeColumn = r.groupedBy(Grouping.SITE) || r.groupedBy(Grouping.AREA);
        List<List<Object>> rows = new ArrayList<>();
        cellsByKey.forEach((key, values) -> {
            if (level.within(r, key.get(0), sites)) {
                List<Object> row = new ArrayList<>(placeColumn ? key : key.subList(1, key.size()));
                row.addAll(List.of(values));
                rows.add(row);
            }
        });
        List<String> columns = new ArrayList<>();
        if (placeColumn) {
            columns.add(level.column);
        }
        columns.addAll(buckets ? List.of("bucket", "visits") : List.of("visits", "median_dwell_s", "p90_dwell_s"));
        int days = (int) (r.to().toEpochDay() - r.from().toEpochDay() + 1);
        return new ResultTable(columns, rows, List.of("visits"), release.k(),
                free ? release.maxNoise() * days : release.maxNoise());
    }

    private Map<List<String>, Object[]> buckets(MetricRequest r, PlaceLevel level, boolean free) {
        String place = Sql.place(level, sites);
        Map<List<String>, Object[]> out = new LinkedHashMap<>();
        String sql = DwellCells.bucketsSql(r.from(), r.to(), place, false, r.segment());
        List<String[]> range = new ArrayList<>(free ? cells.live(sql)
                : cells.stored("dwell-buckets:" + level, r, sql));
        range.sort(Comparator.comparing((String[] c) -> c[0]).thenComparing(c -> BUCKETS.indexOf(c[1])));
        Map<List<String>, long[]> days = free ? daily(cells.live(DwellCells.bucketsSql(r.from(), r.to(), place, true, r.segment())), 2)
                : null;
        for (String[] c : range) {
            List<String> key = List.of(c[0], c[1]);
            out.put(key, new Object[] {visits(key, Cells.count(c[2]), Cells.hash(c[3]), Cells.count(c[4]),
                    Cells.hash(c[5]), days)});
        }
        return out;
    }

    private Map<List<String>, Object[]> stats(MetricRequest r, PlaceLevel level, boolean free) {
        String place = Sql.place(level, sites);
        String sql = DwellCells.statsSql(r.from(), r.to(), place, r.segment());
        List<String[]> range = free ? cells.live(sql) : cells.stored("dwell:" + level, r, sql);
        Map<List<String>, long[]> days = free ? daily(cells.live(DwellCells.dailyVisitsSql(r.from(), r.to(), place, r.segment())), 1)
                : null;
        Map<List<String>, Object[]> out = new LinkedHashMap<>();
        for (String[] c : range) {
            List<String> key = List.of(c[0]);
            Object visits = visits(key, Cells.count(c[1]), Cells.hash(c[2]), Cells.count(c[5]), Cells.hash(c[6]), days);
            boolean shown = visits != ResultTable.SUPPRESSED;
            out.put(key, new Object[] {visits, shown ? (Object) Cells.count(c[3]) : ResultTable.SUPPRESSED,
                    shown ? (Object) Cells.count(c[4]) : ResultTable.SUPPRESSED});
        }
        return out;
    }

    /**
     * A cell of visits: released itself (a lattice period) or as the sum of its released days (a free range), and
     * suppressed unless k devices stand behind it (released devices; for a free range, the exact devices).
     *
     * @param days a free range's per-day sums, or null for a lattice period
     */
    private Object visits(List<String> key, long exact, long hash, long devices, long deviceHash,
                          Map<List<String>, long[]> days) {
        if (days == null) {
            return release.cell(devices, deviceHash) == ResultTable.SUPPRESSED ? ResultTable.SUPPRESSED
                    : release.cell(exact, hash);
        }
        long[] sum = days.get(key);
        return devices < release.k() || sum == null ? ResultTable.SUPPRESSED : release.published(sum[0], sum[1]);
    }

    /** Per-day rows ({@code keys..., day, visits, hash}) summed per key: exact and perturbed. */
    private Map<List<String>, long[]> daily(List<String[]> rows, int keys) {
        Map<List<String>, long[]> out = new HashMap<>();
        for (String[] c : rows) {
            long exact = Cells.count(c[keys + 1]);
            long[] s = out.computeIfAbsent(List.of(c).subList(0, keys), k -> new long[2]);
            s[0] += exact;
            s[1] += release.perturb(exact, Cells.hash(c[keys + 2]));
        }
        return out;
    }
}
