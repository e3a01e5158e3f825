package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        if (free) {
            Optional<FreeRanges.Rows> cached = cells.free("dwell-buckets:" + level, r);
            List<String[]> devices = new ArrayList<>(cached.map(FreeRanges.Rows::devices)
                    .orElseGet(() -> cells.live(sql).stream().map(c -> new String[] {c[0], c[1], c[4]}).toList()));
            Map<List<String>, long[]> days = daily(cached.map(FreeRanges.Rows::daily).orElseGet(() -> cells.live(
                    DwellCells.bucketsSql(r.from(), r.to(), place, true, r.segment()))), 2);
            byPlaceAndBucket(devices);
            for (String[] c : devices) {
                List<String> key = List.of(c[0], c[1]);
                out.put(key, new Object[] {freeVisits(Cells.count(c[2]), days.get(key))});
            }
            return out;
        }
        List<String[]> range = new ArrayList<>(cells.stored("dwell-buckets:" + level, r, sql));
        byPlaceAndBucket(range);
        for (String[] c : range) {
            out.put(List.of(c[0], c[1]), new Object[] {visits(Cells.count(c[2]), Cells.hash(c[3]), Cells.count(c[4]),
                    Cells.hash(c[5]))});
        }
        return out;
    }

    private static void byPlaceAndBucket(List<String[]> rows) {
        rows.sort(Comparator.comparing((String[] c) -> c[0]).thenComparing(c -> BUCKETS.indexOf(c[1])));
    }

    private Map<List<String>, Object[]> stats(MetricRequest r, PlaceLevel level, boolean free) {
        String place = Sql.place(level, sites);
        String sql = DwellCells.statsSql(r.from(), r.to(), place, r.segment());
        List<String[]> range;
        Map<List<String>, long[]> days = null;
        Optional<FreeRanges.Rows> cached = free ? cells.free("dwell:" + level, r) : Optional.empty();
        Optional<List<String[]>> percentiles = cached.flatMap(c -> cells.dwellPercentiles(level, r));
        if (percentiles.isPresent()) {
            range = freeStats(cached.get().devices(), percentiles.get());
            days = daily(cached.get().daily(), 1);
        } else if (free) {
            range = cells.live(sql);
            days = daily(cells.live(DwellCells.dailyVisitsSql(r.from(), r.to(), place, r.segment())), 1);
        } else {
            range = cells.stored("dwell:" + level, r, sql);
        }
        Map<List<String>, Object[]> out = new LinkedHashMap<>();
        for (String[] c : range) {
            List<String> key = List.of(c[0]);
            Object visits = free ? freeVisits(Cells.count(c[5]), days.get(key))
                    : visits(Cells.count(c[1]), Cells.hash(c[2]), Cells.count(c[5]), Cells.hash(c[6]));
            boolean shown = visits != ResultTable.SUPPRESSED;
            out.put(key, new Object[] {visits, shown ? (Object) Cells.count(c[3]) : ResultTable.SUPPRESSED,
                    shown ? (Object) Cells.count(c[4]) : ResultTable.SUPPRESSED});
        }
        return out;
    }

    /**
     * A free range's stats rows in {@link DwellCells#statsSql}'s shape (place, visits, -, median, p90, devices, -)
     * from the cache's distinct devices and percentiles; both have exactly the places with visits, in order.
     */
    private static List<String[]> freeStats(List<String[]> devices, List<String[]> percentiles) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            String[] d = devices.get(i);
            String[] p = percentiles.get(i);
            if (!d[0].equals(p[0])) {
                throw new IllegalStateException("the cache's dwell places differ: " + d[0] + " and " + p[0]);
            }
            out.add(new String[] {p[0], p[1], null, p[2], p[3], d[1], null});
        }
        return out;
    }

    /** A lattice period's cell of visits: released itself, and suppressed unless k released devices stand behind it. */
    private Object visits(long exact, long hash, long devices, long deviceHash) {
        return release.cell(devices, deviceHash) == ResultTable.SUPPRESSED ? ResultTable.SUPPRESSED
                : release.cell(exact, hash);
    }

    /**
     * A free range's cell of visits: the sum of its released days, suppressed unless k devices (exact, over the
     * range) stand behind it.
     *
     * @param sum the range's exact and perturbed sums of visits, or null for none
     */
    private Object freeVisits(long devices, long[] sum) {
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
