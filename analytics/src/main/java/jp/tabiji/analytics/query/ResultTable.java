package jp.tabiji.analytics.query;

import java.util.List;

/**
 * Rows of a query in the column order of its CSV contract. Cells are strings or Longs; a count cell that
 * k-anonymity suppresses is {@link #SUPPRESSED}.
 *
 * @param deviceCountColumns columns that count distinct devices (suppressed under k)
 */
public record ResultTable(List<String> columns, List<List<Object>> rows, List<String> deviceCountColumns, int k) {
    /** Marker for a suppressed cell. */
    public static final Object SUPPRESSED = new Object() {
        @Override
        public String toString() {
            return "suppressed";
        }
    };

    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }
}
