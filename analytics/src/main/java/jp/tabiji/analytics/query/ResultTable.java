package jp.tabiji.analytics.query;

import java.util.List;

/**
 * Rows of a metric in the column order of its CSV contract. Cells are strings or Longs; a count under k is
 * {@link #SUPPRESSED}, a number the release does not publish for the request at all (a distinct count over a free
 * range) {@link #UNAVAILABLE}.
 *
 * @param deviceCountColumns columns that count persons (devices, visits, trips)
 * @param maxError           the most any published count of the table can differ from the exact one (0: exact)
 * @param provisional        rows by segment of a pseudonym period not yet closed: devices may still change segment
 */
public record ResultTable(List<String> columns, List<List<Object>> rows, List<String> deviceCountColumns, int k,
                          int maxError, boolean provisional) {
    /** Marker for a suppressed cell. */
    public static final Object SUPPRESSED = new Object() {
        @Override
        public String toString() {
            return "suppressed";
        }
    };

    /** Marker for a cell not published for this request (see the table's notes). */
    public static final Object UNAVAILABLE = new Object() {
        @Override
        public String toString() {
            return "unavailable";
        }
    };

    public ResultTable(List<String> columns, List<List<Object>> rows, List<String> deviceCountColumns, int k) {
        this(columns, rows, deviceCountColumns, k, 0);
    }

    public ResultTable(List<String> columns, List<List<Object>> rows, List<String> deviceCountColumns, int k,
                       int maxError) {
        this(columns, rows, deviceCountColumns, k, maxError, false);
    }

    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }

    public ResultTable withRows(List<List<Object>> newRows) {
        return new ResultTable(columns, newRows, deviceCountColumns, k, maxError, provisional);
    }

    public ResultTable withProvisional(boolean isProvisional) {
        return new ResultTable(columns, rows, deviceCountColumns, k, maxError, isProvisional);
    }
}
