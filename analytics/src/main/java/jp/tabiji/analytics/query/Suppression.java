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
                if (r.get(c) instanceof Long n && n < t.k()) {
                    r.set(c, ResultTable.SUPPRESSED);
                }
            }
            rows.add(r);
        }
        return new ResultTable(t.columns(), rows, t.deviceCountColumns(), t.k());
    }
}
