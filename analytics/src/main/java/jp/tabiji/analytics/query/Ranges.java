package jp.tabiji.analytics.query;

import java.time.LocalDate;

/** Date ranges as SQL: both ends inclusive, printed from parsed dates only (18.16 has no query parameters). */
final class Ranges {
    private Ranges() {
    }

    static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    static String days(LocalDate from, LocalDate to) {
        return "day BETWEEN toDate('" + from + "') AND toDate('" + to + "')";
    }
}
