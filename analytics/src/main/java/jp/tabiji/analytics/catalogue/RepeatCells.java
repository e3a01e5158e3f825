package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;

/**
 * Repeat visitors per place (DESIGN.md): devices with visits to one site of the place on two or more days of the
 * range. A device id lives one pseudonym period, so repeats are counted within a period (none with daily
 * pseudonyms). Rows {@code place, repeatVisitors, repeatHash}. Distinct days per device do not change when a visit
 * row is written twice, so no {@code FINAL}.
 */
final class RepeatCells {
    private RepeatCells() {
    }

    static String sql(LocalDate from, LocalDate to, String place, Segment segment) {
        return "SELECT place, countIf(rep), sum(if(rep, " + Sql.hash("device_id") + ", toUInt64(0))) FROM (SELECT place, "
                + "device_id, max(days >= 2) AS rep FROM (SELECT " + place + " AS place, site_id, device_id, "
                + "uniqExact(day) AS days FROM visits WHERE " + Sql.days(from, to, segment) + " GROUP BY place, site_id, "
                + "device_id) GROUP BY place, device_id) GROUP BY place ORDER BY place";
    }
}
