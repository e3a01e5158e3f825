package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;

/**
 * Visitors (distinct devices) by any of place, one time unit and language, each cell released once. Distinct counts
 * do not add up over days, so under the cell-key release they are published for lattice periods only: every row a
 * whole hour, day, ISO week or month (a free range of them could be differenced into small cells).
 */
final class VisitorMetric {
    private final CellSource cells;
    private final Release release;

    VisitorMetric(CellSource cells, Release release) {
        this.cells = cells;
        this.release = release;
    }

    ResultTable run(MetricRequest r) {
        requireLattice(release, "visitors", r);
        List<String> columns = new ArrayList<>(VisitorCells.keyColumns(r));
        int keys = columns.size() + (r.groupedBy(Grouping.LANG) ? 1 : 0);
        if (r.groupedBy(Grouping.LANG)) {
            columns.add("lang");
        }
        columns.add("visitors");
        List<List<Object>> rows = new ArrayList<>();
        for (String[] c : cells.visitors(r)) {
            long exact = Cells.count(c[keys]);
            if (exact == 0) {
                continue; // an empty range: no row
            }
            List<Object> row = new ArrayList<>(List.of((Object[]) c).subList(0, keys));
            row.add(release.cell(exact, Cells.hash(c[keys + 1])));
            rows.add(row);
        }
        return new ResultTable(columns, rows, List.of("visitors"), release.k(), release.maxNoise());
    }

    /** Distinct counts only for whole lattice periods (when the release asks for it), else a 400 that offers them. */
    static void requireLattice(Release release, String what, MetricRequest r) {
        if (!release.latticeOnly()) {
            return;
        }
        String unit = r.timeUnit().map(Grouping::label).orElse(null);
        boolean ok = unit == null ? Periods.lattice(r.from(), r.to()) != null
                : unit.equals("hour") || unit.equals("day") || Periods.whole(unit, r.from(), r.to());
        if (!ok) {
            throw new IllegalArgumentException(what + " are counts of distinct devices, published only for whole days, "
                    + "ISO weeks (Monday to Sunday) and calendar months; " + r.from() + ".." + r.to()
                    + (unit == null ? " is none of these" : " cuts a " + unit) + ". Ask for " + Periods.covering(
                    r.from(), r.to()));
        }
    }
}
