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
        columns.add("private_mac_share");
        List<List<Object>> rows = new ArrayList<>();
        for (String[] c : cells.visitors(r)) {
            long exact = Cells.count(c[keys]);
            if (exact == 0) {
                continue; // an empty range: no row
            }
            List<Object> row = new ArrayList<>(List.of((Object[]) c).subList(0, keys));
            Object visitors = release.cell(exact, Cells.hash(c[keys + 1]));
            row.add(visitors);
            row.add(privateShare(visitors, release.cell(Cells.count(c[keys + 2]), Cells.hash(c[keys + 3]))));
            rows.add(row);
        }
        return new ResultTable(columns, rows, List.of("visitors"), release.k(), release.maxNoise());
    }

    /**
     * The share of a cell's visitors with a private (locally administered) address, as a 10 % band made of released
     * values only (the exact share times the count would publish a new, unprotected sub-count): {@code 30-40%}.
     * Where the private visitors are under k, their share is below k over the visitors: a band if that bound is
     * within the lowest one, else unknown (null); so is a share of a hidden cell.
     */
    private Object privateShare(Object visitors, Object privateVisitors) {
        if (!(visitors instanceof Long n) || n == 0) {
            return ResultTable.SUPPRESSED;
        }
        long tenths;
        if (privateVisitors instanceof Long p) {
            tenths = Math.min(9, Math.max(0, p * 10 / n));
        } else if (10L * release.k() <= n) {
            tenths = 0; // under k of at least 10·k: below 10 %
        } else {
            return ResultTable.SUPPRESSED;
        }
        return tenths * 10 + "-" + (tenths * 10 + 10) + "%";
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
