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
}
