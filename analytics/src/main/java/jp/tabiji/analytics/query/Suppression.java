package jp.tabiji.analytics.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Primary k-anonymity suppression (DESIGN.md, "Privacy"): a cell counting fewer than k distinct devices is
 * replaced by {@link ResultTable#SUPPRESSED}; zero cells never appear (GROUP BY yields none).
 */
public final class Suppression {
    private Suppression() {
    }

    public static ResultTable primary(ResultTable t) {
        List<Integer> countCols = t.deviceCountColumns().stream().map(t::columnIndex).toList();
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (List<Object> row : t.rows()) {
            List<Object> r = new ArrayList<>(row);
            for (int c : countCols) {
                // zero names nobody: a row that shows it (no repeat visitors) gives nothing away
                if (r.get(c) instanceof Long n && n > 0 && n < t.k()) {
                    r.set(c, ResultTable.SUPPRESSED);
                }
            }
            rows.add(r);
        }
        return new ResultTable(t.columns(), rows, t.deviceCountColumns(), t.k());
    }

    /**
     * For cells that count no devices themselves (trips, visits, a median): shown only where at least k distinct
     * devices stand behind the row ({@code devicesBehind}, one per row, never displayed).
     */
    public static ResultTable behind(ResultTable t, List<Long> devicesBehind, List<String> columns) {
        List<Integer> cols = columns.stream().map(t::columnIndex).toList();
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> r = new ArrayList<>(t.rows().get(i));
            if (devicesBehind.get(i) < t.k()) {
                cols.forEach(c -> r.set(c, ResultTable.SUPPRESSED));
            }
            rows.add(r);
        }
        return new ResultTable(t.columns(), rows, t.deviceCountColumns(), t.k());
    }

    /**
     * Secondary suppression for cells that partition a total shown elsewhere (the languages of one site-day's
     * visitors, the languages of one route's trips, the dwell buckets of one site's visits): in every line (rows
     * equal in {@code lineColumns}) where exactly one row is suppressed (judged by the first of {@code columns}),
     * the row with the smallest cell still shown is suppressed too, in all {@code columns}, so the hidden one cannot
     * be had as the total minus the others.
     */
    public static ResultTable complementary(ResultTable t, List<String> lineColumns, String... columns) {
        List<Integer> line = lineColumns.stream().map(t::columnIndex).toList();
        int c = t.columnIndex(columns[0]);
        List<Integer> hide = java.util.Arrays.stream(columns).map(t::columnIndex).toList();
        List<List<Object>> rows = new ArrayList<>();
        t.rows().forEach(r -> rows.add(new ArrayList<>(r)));
        java.util.Map<List<Object>, List<List<Object>>> lines = new java.util.LinkedHashMap<>();
        for (List<Object> r : rows) {
            lines.computeIfAbsent(line.stream().map(r::get).toList(), x -> new ArrayList<>()).add(r);
        }
        for (List<List<Object>> cells : lines.values()) {
            long hidden = cells.stream().filter(r -> r.get(c) == ResultTable.SUPPRESSED).count();
            if (hidden != 1) {
                continue;
            }
            cells.stream().filter(r -> r.get(c) instanceof Long)
                    .min(java.util.Comparator.comparingLong(r -> (Long) r.get(c)))
                    .ifPresent(r -> hide.forEach(h -> r.set(h, ResultTable.SUPPRESSED)));
        }
        return new ResultTable(t.columns(), rows, t.deviceCountColumns(), t.k());
    }
}
