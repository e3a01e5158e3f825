package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;

/**
 * The exact trips of each route (origin → destination, optionally by the traveller's language, optionally by
 * departure day), with the hash sums of the trips and of the travellers: rows {@code origin, destination, [lang,]
 * [day,] trips, tripHash, travellers, travellerHash}.
 */
final class FlowCells {
    private FlowCells() {
    }

    static String sql(LocalDate from, LocalDate to, boolean byLang, boolean perDay, Segment segment) {
        String keys = "origin_site_id, destination_site_id" + (byLang ? ", lang" : "") + (perDay ? ", day" : "");
        String outKeys = "origin_site_id, destination_site_id" + (byLang ? ", lang" : "") + (perDay ? ", toString(day)" : "");
        return "SELECT " + outKeys + ", sum(n), sum(h), count(), sum(" + Sql.hash("device_id") + ") FROM (SELECT " + keys
                + ", device_id, count() AS n, sum(" + Sql.hash("move_id") + ") AS h FROM moves FINAL WHERE "
                + Sql.days(from, to, segment) + " GROUP BY " + keys + ", device_id) GROUP BY " + keys + " ORDER BY " + keys;
    }

    /** The exact travellers of each route over a range: whether k devices stand behind a free range's trips. */
    static String devicesSql(LocalDate from, LocalDate to, boolean byLang, Segment segment) {
        String keys = "origin_site_id, destination_site_id" + (byLang ? ", lang" : "");
        return "SELECT " + keys + ", uniqExact(device_id) FROM moves FINAL WHERE " + Sql.days(from, to, segment)
                + " GROUP BY " + keys;
    }
}
