package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.tabiji.analytics.query.ResultTable;

/**
 * A metric grouped by segment: the metric's table for each segment, each of its cells released on its own (its
 * contributors are that segment's), with a {@code segment} column after the place and time columns. Rows follow
 * their keys, then the segments in order; flows keep each segment's rows by trips.
 */
final class SegmentRows {
    /** The key columns a segment column comes after. */
    private static final Set<String> LEADING = Set.of("site_id", "area", "hour", "day", "week", "month",
            "origin_site_id", "destination_site_id");
    private final MetricCatalogue catalogue;
    private final List<Segment> segments;

    SegmentRows(MetricCatalogue catalogue, List<Segment> segments) {
        this.catalogue = catalogue;
        this.segments = segments;
    }

    ResultTable run(Metric metric, MetricRequest r) {
        Set<Grouping> groups = EnumSet.noneOf(Grouping.class);
        r.groupBy().stream().filter(g -> g != Grouping.SEGMENT).forEach(groups::add);
        ResultTable first = null;
        List<List<Object>> rows = new ArrayList<>();
        int at = 0;
        for (Segment s : segments) {
            ResultTable t = catalogue.run(metric, r.withGroups(groups).withSegment(s));
            if (first == null) {
                first = t;
                while (at < t.columns().size() && LEADING.contains(t.columns().get(at))) {
                    at++;
                }
            }
            for (List<Object> row : t.rows()) {
                List<Object> withSegment = new ArrayList<>(row);
                withSegment.add(at, s.label());
                rows.add(withSegment);
            }
        }
        if (metric != Metric.FLOWS) {
            int keys = at;
            rows.sort(Comparator.comparing(row -> String.join("\u0000", row.subList(0, keys).stream()
                    .map(Object::toString).toList()))); // stable: segments stay in order within a key
        }
        List<String> columns = new ArrayList<>(first.columns());
        columns.add(at, "segment");
        return new ResultTable(columns, rows, first.deviceCountColumns(), first.k(), first.maxError());
    }
}
