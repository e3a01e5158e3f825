package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What makes distinct devices over a free range exact from per-day rows. A device counts once in {@code a..b}: on its
 * first day there, which is the day {@code d} in the range whose previous day with the same key is before {@code a}.
 * So each day's rows hold, per key and previous day ({@code 0} for none within {@link #HISTORY_DAYS}), the devices
 * and their hash sum: rows {@code keys..., previousEpochDay, devices, hashSum}; summed over the range's days where the
 * previous day is before {@code a}, they are exactly the live {@code uniqExact} and its contributor hash sum.
 *
 * <p>A previous day older than {@link #HISTORY_DAYS} is written as none, which is exact for ranges of up to that many
 * days: within one, such a day lies before {@code a} either way.
 */
final class ReachCells {
    /** The longest free range answered from reach rows; a day's rows depend on this many days before it. */
    static final int HISTORY_DAYS = 366;

    /** @param keys the key expressions, each named as in {@code names} */
    private record Source(String table, String keys, String names) {
        int keyCount() {
            return names.split(", ").length;
        }
    }

    private ReachCells() {
    }

    /** The stored queries with reach rows, by name, each with its keys (the stored day rows start with them). */
    static Map<String, Integer> keyCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        sources(null).forEach((name, s) -> out.put(name, s.keyCount()));
        return out;
    }

    /**
     * The SQL of each such query's reach rows for the days {@code first..last} (one month at most, so that the
     * history read is about a year): rows {@code day, keys..., previousEpochDay, devices, hashSum}, days without rows
     * left out.
     */
    static Map<String, String> sql(LocalDate first, LocalDate last, Sites sites) {
        Map<String, String> out = new LinkedHashMap<>();
        sources(sites).forEach((name, s) -> out.put(name, sql(s, first, last)));
        return out;
    }

    private static Map<String, Source> sources(Sites sites) {
        Map<String, Source> out = new LinkedHashMap<>();
        String route = "origin_site_id, destination_site_id";
        out.put("flows", new Source("moves", route, route));
        out.put("flows-lang", new Source("moves", "origin_site_id, destination_site_id, lang",
                "origin_site_id, destination_site_id, lang"));
        for (PlaceLevel level : PlaceLevel.values()) {
            String place = sites == null ? "''" : Sql.place(level, sites); // no sites: for the key counts
            out.put("dwell-buckets:" + level, new Source("visits", place + " AS place, " + Sql.BUCKET + " AS bucket",
                    "place, bucket"));
            out.put("dwell:" + level, new Source("visits", place + " AS place", "place"));
        }
        return out;
    }

    /**
     * Each day's dwells per place, as values and how many visits had each ({@code day, place, dwell_s, visits}),
     * by {@link #dwellValues}: a free range's exact percentiles are read from their sum. They depend on their day
     * alone but are kept with its reach rows.
     */
    static Map<String, String> dwellValuesSql(LocalDate first, LocalDate last, Sites sites) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PlaceLevel level : PlaceLevel.values()) {
            out.put(dwellValues(level), "SELECT toString(day), " + Sql.place(level, sites) + " AS place, dwell_s, "
                    + "count() FROM visits FINAL WHERE " + Sql.days(first, last) + " GROUP BY day, place, dwell_s "
                    + "ORDER BY day, place, dwell_s");
        }
        return out;
    }

    static String dwellValues(PlaceLevel level) {
        return "dwell-values:" + level;
    }

    private static String sql(Source s, LocalDate first, LocalDate last) {
        String days = "day BETWEEN toDate('" + first + "') AND toDate('" + last + "')";
        // each device's days with the key, sorted: a day's previous one is the element before it; FINAL, so that the
        // key of a replaced row (a move's language, a visit's dwell) does not count
        return "SELECT toString(d), " + s.names() + ", toUInt32(if(p < d - " + HISTORY_DAYS + ", toDate(0), p)), "
                + "count(), sum(" + Sql.hash("device_id") + ") FROM (SELECT " + s.keys() + ", device_id, "
                + "arraySort(groupUniqArray(day)) AS ds FROM " + s.table() + " FINAL WHERE day BETWEEN toDate('" + first
                + "') - " + HISTORY_DAYS + " AND toDate('" + last + "') AND device_id IN (SELECT device_id FROM "
                + s.table() + " WHERE " + days + ") GROUP BY " + s.names() + ", device_id) ARRAY JOIN ds AS d, "
                + "arrayPushFront(arrayPopBack(ds), toDate(0)) AS p WHERE d BETWEEN toDate('" + first + "') AND "
                + "toDate('" + last + "') GROUP BY d, " + s.names() + ", p ORDER BY d, " + s.names() + ", p";
    }
}
