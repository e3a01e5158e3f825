package jp.tabiji.analytics.hotspots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.ApRegistry;

/**
 * The state of every hotspot, from the streaming job's {@code ap_minute} rows and {@code alerts} (V006): one entry
 * per AP in the registry plus one per unknown AP that sent anything. "Now" is the newest minute the job has
 * accounted for (the wall clock for a live job, the end of the data for a replay), or an earlier time asked for.
 * A status follows the open alerts: silent before overloaded; an AP missing from the registry is unknown.
 */
public final class HotspotBoard {
    private static final long HOUR_S = 3_600L;
    /** How far back a last-seen time is looked for; older silence shows as never seen within it. */
    private static final long LOOKBACK_S = 35 * 24 * HOUR_S;
    /** A client count older than this before now is stale: the AP has had nobody since. */
    private static final long CURRENT_S = 120L;

    private final ClickHouseHttp clickhouse;
    private final ApRegistry registry;

    public HotspotBoard(ClickHouseHttp clickhouse, ApRegistry registry) {
        this.clickhouse = clickhouse;
        this.registry = registry;
    }

    /** The board as of {@code asOfMs} (epoch ms), or as of the newest data when null. */
    public Board board(Long asOfMs) {
        long now = now(asOfMs);
        Map<String, long[]> latest = latest(now); // ap -> {last seen s, clients at latest minute, latest minute s}
        Map<String, int[]> spark = sparklines(now);
        List<AlertEntry> open = alerts(now, true, 1000);
        Map<String, List<AlertEntry>> openByAp = new HashMap<>();
        open.forEach(a -> openByAp.computeIfAbsent(a.apId(), k -> new ArrayList<>()).add(a));
        List<Hotspot> rows = new ArrayList<>();
        Map<String, String> unknownSites = new LinkedHashMap<>();
        latest.keySet().forEach(ap -> unknownSites.put(ap, ""));
        open.forEach(a -> unknownSites.putIfAbsent(a.apId(), a.siteId()));
        for (AccessPoint ap : registry.accessPoints()) {
            unknownSites.remove(ap.apId());
            rows.add(hotspot(ap.apId(), ap.siteId(), ap.capacity(), ap.lat(), ap.lon(), true, latest.get(ap.apId()),
                    spark.get(ap.apId()), openByAp.getOrDefault(ap.apId(), List.of()), now));
        }
        unknownSites.keySet().stream().filter(ap -> registry.resolve(ap).isEmpty()).sorted().forEach(ap ->
                rows.add(hotspot(ap, null, null, null, null, false, latest.get(ap), spark.get(ap),
                        openByAp.getOrDefault(ap, List.of()), now)));
        rows.sort(Comparator.comparing(Hotspot::apId));
        return new Board(now == 0 ? null : now * 1000, rows, open);
    }

    /** The latest alert transitions, newest first. */
    public List<AlertEntry> log(Long asOfMs, int limit) {
        return alerts(now(asOfMs), false, limit);
    }

    /** What {@link #board} returns: now (null before any data), the hotspots by AP id, and the open alerts. */
    public record Board(Long nowMs, List<Hotspot> hotspots, List<AlertEntry> openAlerts) {
    }

    private static Hotspot hotspot(String apId, String siteId, Integer capacity, Double lat, Double lon,
                                   boolean registered, long[] latest, int[] spark, List<AlertEntry> open, long now) {
        String status = !registered ? Hotspot.UNKNOWN
                : open.stream().anyMatch(a -> a.kind().equals("silent")) ? Hotspot.SILENT
                : open.stream().anyMatch(a -> a.kind().equals("overloaded")) ? Hotspot.OVERLOADED : Hotspot.OK;
        Long lastSeen = latest == null || latest[0] == 0 ? null : latest[0] * 1000;
        int clients = latest != null && latest[2] >= now - CURRENT_S ? (int) latest[1] : 0;
        List<Integer> sparkline = new ArrayList<>(Collections.nCopies(24, 0));
        if (spark != null) {
            for (int i = 0; i < 24; i++) {
                sparkline.set(i, spark[i]);
            }
        }
        return new Hotspot(apId, siteId, status, lastSeen, clients, open.size(), capacity, lat, lon, sparkline);
    }

    private long now(Long asOfMs) {
        String where = asOfMs == null ? "" : " WHERE minute <= toDateTime(" + Math.floorDiv(asOfMs, 1000L) + ")";
        long latest = clickhouse.selectLong("SELECT toUnixTimestamp(max(minute)) FROM ap_minute" + where);
        if (latest == 0 && asOfMs != null) {
            return Math.floorDiv(asOfMs, 1000L);
        }
        // the newest minute row starts a minute that has ended
        return latest == 0 ? 0 : (asOfMs == null ? latest + 59 : Math.min(latest + 59, Math.floorDiv(asOfMs, 1000L)));
    }

    private Map<String, long[]> latest(long now) {
        Map<String, long[]> m = new HashMap<>();
        for (String[] r : clickhouse.select("SELECT ap_id, toUnixTimestamp(max(last_event)), argMax(clients_now, (minute, clients_now)), "
                + "toUnixTimestamp(max(minute)) FROM ap_minute WHERE " + window(now, LOOKBACK_S) + " GROUP BY ap_id")) {
            m.put(r[0], new long[] {Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3])});
        }
        return m;
    }

    /** The peak of connected clients in each of the 24 hours ending now, per AP. */
    private Map<String, int[]> sparklines(long now) {
        Map<String, int[]> m = new HashMap<>();
        long start = now - 24 * HOUR_S;
        for (String[] r : clickhouse.select("SELECT ap_id, intDiv(toUnixTimestamp(minute) - " + start + ", " + HOUR_S
                + ") AS h, max(clients_now) FROM ap_minute WHERE " + window(now, 24 * HOUR_S) + " GROUP BY ap_id, h")) {
            int h = Integer.parseInt(r[1]);
            if (h >= 0 && h < 24) {
                m.computeIfAbsent(r[0], k -> new int[24])[h] = Integer.parseInt(r[2]);
            }
        }
        return m;
    }

    private List<AlertEntry> alerts(long now, boolean openOnly, int limit) {
        String asOf = "ts <= toDateTime(" + now + ")";
        List<AlertEntry> out = new ArrayList<>();
        for (String[] r : clickhouse.select("SELECT alert_id, any(kind), any(ap_id), any(site_id), "
                + "toUnixTimestamp(min(opened_at)), toUnixTimestamp(maxIf(ts, state = 'clear')), countIf(state = 'clear'), "
                + "tupleElement(last_row, 1), any(threshold), tupleElement(last_row, 2), max(ts) AS latest, "
                // peaks only rise, and a clearing repeats its last opening's: the largest is the peak so far (rows
                // written before V012 have their value as peak, so an old clearing cannot lower it either)
                + "max(peak_value), toUnixTimestamp(tupleElement(peak_row, 1)), tupleElement(peak_row, 2), "
                + "tupleElement(peak_row, 3), any(basis), "
                // one row decides each tuple, and ties on the time (an opening and its clearing in one second: the
                // clearing wins) or on the peak fall to the row's own values, whatever order the parts are read in
                + "argMax(tuple(value, detail), (ts, state = 'clear', value, detail)) AS last_row, "
                + "argMax(tuple(peak_at, peak_attempts, peak_failures), (peak_value, peak_at, peak_attempts, "
                + "peak_failures)) AS peak_row FROM alerts WHERE " + asOf
                + " GROUP BY alert_id" + (openOnly ? " HAVING countIf(state = 'clear') = 0" : "")
                + " ORDER BY latest DESC, alert_id LIMIT " + limit)) {
            boolean cleared = Long.parseLong(r[6]) > 0;
            out.add(new AlertEntry(r[0], r[1], r[2], r[3], Long.parseLong(r[4]) * 1000,
                    cleared ? Long.parseLong(r[5]) * 1000 : null, Double.parseDouble(r[7]), Double.parseDouble(r[8]),
                    r[9], Double.parseDouble(r[11]), Long.parseLong(r[12]) * 1000, Long.parseLong(r[13]),
                    Long.parseLong(r[14]), r[15]));
        }
        return out;
    }

    private static String window(long now, long seconds) {
        return "minute > toDateTime(" + (now - seconds) + ") AND minute <= toDateTime(" + now + ")";
    }
}
