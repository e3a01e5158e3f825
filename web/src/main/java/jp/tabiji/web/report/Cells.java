package jp.tabiji.web.report;

import jp.tabiji.analytics.query.ResultTable;

/** How a cell reads in an export: a suppressed one as {@code <k}, like the CLI's tables. */
final class Cells {
    private Cells() {
    }

    static boolean suppressed(Object v) {
        return v == ResultTable.SUPPRESSED;
    }

    static String text(Object v, int k) {
        if (suppressed(v)) {
            return "<" + k;
        }
        if (v == ResultTable.UNAVAILABLE) {
            return "—";
        }
        return v == null ? "" : v.toString();
    }
}
