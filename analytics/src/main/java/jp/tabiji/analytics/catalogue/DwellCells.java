package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;

/**
 * Exact visit counts and dwell statistics per place (site, area or region), from {@code visits FINAL}; a visit
 * belongs to the day it starts. Percentiles by nearest rank: the value at rank ceil(p·n) of the sorted dwells,
 * with integer ranks ceil(n/2) and ceil(9n/10), so no floating point decides a rank.
 */
final class DwellCells {
    private DwellCells() {
    }

    /** Rows {@code place, bucket, [day,] visits, visitHash, devices, deviceHash}. */
    static String bucketsSql(LocalDate from, LocalDate to, String place, boolean perDay, Segment segment) {
        String keys = "place, bucket" + (perDay ? ", day" : "");
        return "SELECT place, bucket" + (perDay ? ", toString(day)" : "") + ", sum(n), sum(h), count(), sum("
                + Sql.hash("device_id") + ") FROM (SELECT " + place + " AS place, " + Sql.BUCKET + " AS bucket"
                + (perDay ? ", day" : "") + ", device_id, count() AS n, sum(" + Sql.hash("visit_id") + ") AS h FROM "
                + "visits FINAL WHERE " + Sql.days(from, to, segment) + " GROUP BY " + keys + ", device_id) GROUP BY " + keys;
    }

    /** Rows {@code place, visits, visitHash, median, p90, devices, deviceHash}. */
    // HAVING: over no visits, 18.16 still gives a row when the place is a constant (no grouping); current releases
    // give none
    static String statsSql(LocalDate from, LocalDate to, String place, Segment segment) {
        return "SELECT place, n, h, d[intDiv(n + 1, 2)], d[intDiv(9 * n + 9, 10)], devices, dh FROM (SELECT " + place
                + " AS place, count() AS n, sum(" + Sql.hash("visit_id") + ") AS h, arraySort(groupArray(dwell_s)) AS d, "
                + "uniqExact(device_id) AS devices, arraySum(arrayMap(x -> " + Sql.hash("x")
                + ", groupUniqArray(device_id))) AS dh FROM visits FINAL WHERE " + Sql.days(from, to, segment)
                + " GROUP BY place HAVING n > 0) ORDER BY place";
    }

    /** Rows {@code place, day, visits, visitHash}: a free range's visits are the sum of its released days. */
    static String dailyVisitsSql(LocalDate from, LocalDate to, String place, Segment segment) {
        return "SELECT " + place + " AS place, toString(day), count(), sum(" + Sql.hash("visit_id") + ") FROM visits "
                + "FINAL WHERE " + Sql.days(from, to, segment) + " GROUP BY place, day";
    }
}
