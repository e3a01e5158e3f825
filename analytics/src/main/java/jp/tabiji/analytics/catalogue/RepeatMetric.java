package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;

/**
 * Repeat visitors per place next to all its visitors: {@code [place,]repeat_visitors,visitors}. Both are distinct
 * counts (lattice periods only under the cell-key release), and {@code visitors} is the visitors metric's own cell
 * for the place and period, so it reads the same here as in /visitors.
 */
final class RepeatMetric {
    private final CellSource cells;
    private final Sites sites;
    private final Release release;

    RepeatMetric(CellSource cells, Sites sites, Release release) {
        this.cells = cells;
        this.sites = sites;
        this.release = release;
    }

    ResultTable run(MetricRequest r) {
        if (r.lang() != null) {
            throw new IllegalArgumentException("repeat is not broken down by language; leave lang out");
        }
        VisitorMetric.requireLattice(release, "repeat visitors", r);
        PlaceLevel level = PlaceLevel.of(r);
        boolean placeColumn = r.groupedBy(Grouping.SITE) || r.groupedBy(Grouping.AREA);
        EnumSet<Grouping> placeGroup = EnumSet.noneOf(Grouping.class);
        r.groupBy().stream().filter(g -> g == Grouping.SITE || g == Grouping.AREA).forEach(placeGroup::add);
        Map<String, String[]> visitors = new HashMap<>();
        for (String[] c : cells.visitors(r.withGroups(placeGroup))) {
            visitors.put(placeColumn ? c[0] : own(r, level), placeColumn ? new String[] {c[1], c[2]} : c);
        }
        String sql = RepeatCells.sql(r.from(), r.to(), Sql.place(level, sites), r.segment());
        List<List<Object>> rows = new ArrayList<>();
        for (String[] c : cells.stored("repeat:" + level, r, sql)) {
            String[] v = visitors.get(c[0]);
            if (!level.within(r, c[0], sites) || v == null) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            if (placeColumn) {
                row.add(c[0]);
            }
            row.add(release.cell(Cells.count(c[1]), Cells.hash(c[2])));
            row.add(release.cell(Cells.count(v[0]), Cells.hash(v[1])));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>();
        if (placeColumn) {
            columns.add(level.column);
        }
        columns.addAll(List.of("repeat_visitors", "visitors"));
        return new ResultTable(columns, rows, List.of("repeat_visitors", "visitors"), release.k(), release.maxNoise());
    }

    /** The place of the request's own cell when rows have no place column. */
    private static String own(MetricRequest r, PlaceLevel level) {
        return switch (level) {
            case SITE -> r.site();
            case AREA -> r.area();
            case REGION -> "";
        };
    }
}
