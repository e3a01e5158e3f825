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
 * Trips and travellers per origin → destination over a range of departure days, optionally per the traveller's
 * language, filtered to the routes that touch a site or area. Columns {@code origin_site_id,destination_site_id
 * [,lang],trips,travellers}, shown rows by trips descending, then origin, then destination; hidden rows last (a
 * hidden row's place among the shown ones would bound its value).
 *
 * <p>Trips are shown only where at least k travellers stand behind them. Trips add up over days, so a free range
 * (under the cell-key release: a range that is no lattice period) is the sum of its released day cells, and its
 * travellers, a distinct count, are not published.
 */
final class FlowMetric {
    private final CellSource cells;
    private final Sites sites;
    private final Release release;
    private final FinishedTables finished = new FinishedTables();

    FlowMetric(CellSource cells, Sites sites, Release release) {
        this.cells = cells;
        this.sites = sites;
        this.release = release;
    }

    ResultTable run(MetricRequest r) {
        boolean byLang = r.groupedBy(Grouping.LANG) || r.lang() != null;
        int keys = byLang ? 3 : 2;
        if (release.latticeOnly() && Periods.lattice(r.from(), r.to()) == null) {
            Optional<FreeRanges.Rows> cached = cells.free(byLang ? "flows-lang" : "flows", r);
            return finished.of(cached.map(FreeRanges.Rows::computation).orElse(null), r,
                    () -> table(r, freeRange(r, byLang, keys, cached), true));
        }
        StoredRows cells = this.cells.computed(byLang ? "flows-lang" : "flows", r,
                FlowCells.sql(r.from(), r.to(), byLang, false, r.segment()));
        return finished.of(cells.computation(), r, () -> table(r, lattice(cells.rows(), keys), false));
    }

    private ResultTable table(MetricRequest r, Map<List<Object>, Object[]> routes, boolean free) {
        List<List<Object>> rows = new ArrayList<>();
        routes.forEach((key, cell) -> {
            boolean touches = touches(r, (String) key.get(0)) || touches(r, (String) key.get(1));
            if (touches && (r.lang() == null || r.lang().equals(key.get(2)))) {
                List<Object> row = new ArrayList<>(key.subList(0, r.groupedBy(Grouping.LANG) ? 3 : 2));
                row.add(cell[0]);
                row.add(cell[1]);
                rows.add(row);
            }
        });
        int trips = rows.isEmpty() ? 0 : rows.get(0).size() - 2;
        sort(rows, trips);
        List<String> columns = new ArrayList<>(List.of("origin_site_id", "destination_site_id"));
        if (r.groupedBy(Grouping.LANG)) {
            columns.add("lang");
        }
        columns.addAll(List.of("trips", "travellers"));
        return new ResultTable(columns, rows, List.of("trips", "travellers"), release.k(),
                free ? release.maxNoise() * (int) (r.to().toEpochDay() - r.from().toEpochDay() + 1) : release.maxNoise());
    }

    private Map<List<Object>, Object[]> lattice(List<String[]> cellRows, int keys) {
        Map<List<Object>, Object[]> out = new LinkedHashMap<>();
        for (String[] c : cellRows) {
            Object travellers = release.cell(Cells.count(c[keys + 2]), Cells.hash(c[keys + 3]));
            Object trips = travellers == ResultTable.SUPPRESSED ? ResultTable.SUPPRESSED
                    : release.cell(Cells.count(c[keys]), Cells.hash(c[keys + 1]));
            out.put(List.of((Object[]) c).subList(0, keys), new Object[] {trips, travellers});
        }
        return out;
    }

    /** @param cached the range's rows from the cache, or empty to count them live */
    private Map<List<Object>, Object[]> freeRange(MetricRequest r, boolean byLang, int keys,
                                                  Optional<FreeRanges.Rows> cached) {
        Map<List<Object>, long[]> sums = new LinkedHashMap<>(); // exact, perturbed
        for (String[] c : cached.map(FreeRanges.Rows::daily)
                .orElseGet(() -> cells.live(FlowCells.sql(r.from(), r.to(), byLang, true, r.segment())))) {
            long exact = Cells.count(c[keys + 1]);
            long[] s = sums.computeIfAbsent(List.of((Object[]) c).subList(0, keys), k -> new long[2]);
            s[0] += exact;
            s[1] += release.perturb(exact, Cells.hash(c[keys + 2]));
        }
        Map<List<Object>, Long> travellers = new HashMap<>();
        for (String[] c : cached.map(FreeRanges.Rows::devices)
                .orElseGet(() -> cells.live(FlowCells.devicesSql(r.from(), r.to(), byLang, r.segment())))) {
            travellers.put(List.of((Object[]) c).subList(0, keys), Cells.count(c[keys]));
        }
        Map<List<Object>, Object[]> out = new LinkedHashMap<>();
        sums.forEach((key, s) -> out.put(key, new Object[] {travellers.getOrDefault(key, 0L) >= release.k()
                ? release.published(s[0], s[1]) : ResultTable.SUPPRESSED, ResultTable.UNAVAILABLE}));
        return out;
    }

    private record Ranked(long rank, List<Object> row) {
    }

    /**
     * Shown rows by trips descending, hidden ones last, ties by origin, destination and language. The rank is worked
     * out once per row and keys compared column by column: for 11,000 routes by language, a comparator that boxed
     * and joined strings per comparison took most of the request.
     */
    private static void sort(List<List<Object>> rows, int keys) {
        List<Ranked> ranked = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            ranked.add(new Ranked(row.get(keys) instanceof Long n ? -n : Long.MAX_VALUE, row));
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank).thenComparing((a, b) -> {
            for (int i = 0; i < keys; i++) {
                int c = ((String) a.row().get(i)).compareTo((String) b.row().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }));
        rows.clear();
        ranked.forEach(r -> rows.add(r.row()));
    }

    private boolean touches(MetricRequest r, String siteId) {
        if (r.site() != null) {
            return r.site().equals(siteId);
        }
        return r.area() == null || r.area().equals(sites.areaOf(siteId));
    }
}
