package jp.tabiji.analytics.segments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Thresholds;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * The segment of every device (docs/SEGMENTS.md), per pseudonym period, from the `visits` table: recomputed for a
 * period whenever rows for its days arrived since (so a device's segment may change while its period is open, and
 * is final once it has closed), and written to `device_segments` with its evidence. The same visits give the same
 * segments, whatever order they arrived in, and a replay writes the same visits again: nothing changes.
 *
 * <p>Only devices that could be anything but a visitor are looked at and written: seen on at least as many days as
 * a commuter or a resident must be, or present 20 h or more (the least a member of staff is). The rest of a
 * period's devices are visitors.
 */
public final class DeviceSegments {
    private static final long STAFF_PRESENCE_MS = 20 * 3_600_000L;
    private static final int BATCH = 5_000;
    private final ClickHouseHttp writer;
    private final Sites sites;
    private final ZoneId zone;
    private final SegmentPeriod period;
    private boolean deferred;

    /** @param writer a ClickHouse user that may insert */
    public DeviceSegments(ClickHouseHttp writer, Sites sites, ZoneId zone, SegmentPeriod period) {
        this.writer = writer;
        this.sites = sites;
        this.zone = zone;
        this.period = period;
    }

    /** Recomputes every period whose visits changed since it was last computed; returns how many it computed. */
    public synchronized int refresh() {
        if (period.thresholds() == null) {
            return 0; // daily pseudonyms: every device is unknown, nothing to compute
        }
        long now = writer.selectLong("SELECT toUInt32(now())");
        Map<LocalDate, Long> changed = new LinkedHashMap<>();
        for (String[] r : writer.select("SELECT toString(day), max(changed) FROM day_changes GROUP BY day")) {
            changed.merge(period.start(LocalDate.parse(r[0])), Long.parseLong(r[1]), Math::max);
        }
        Map<LocalDate, Long> seen = new HashMap<>();
        for (String[] r : writer.select("SELECT toString(period), argMax(source_changed, computed_ms) FROM "
                + "segment_periods GROUP BY period")) {
            seen.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
        }
        int computed = 0;
        for (Map.Entry<LocalDate, Long> e : changed.entrySet()) {
            if (!e.getValue().equals(seen.get(e.getKey()))) {
                if (e.getValue() >= now - 1) {
                    // a row arriving within the same second as the computation could go unseen: wait for the next round
                    deferred = true;
                    continue;
                }
                compute(e.getKey(), e.getValue());
                computed++;
            }
        }
        return computed;
    }

    /** Brings every period up to date now, waiting out the last second's rows (`tabiji query`, which has no rounds). */
    public synchronized int refreshAll() {
        deferred = false;
        int computed = refresh();
        if (deferred) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the last second's visits", e);
            }
            computed += refresh();
        }
        return computed;
    }

    private void compute(LocalDate start, long sourceChanged) {
        long ms = System.currentTimeMillis();
        Thresholds t = period.thresholds();
        String range = period == SegmentPeriod.NONE ? "1"
                : "day BETWEEN toDate('" + start + "') AND toDate('" + period.end(start) + "')";
        String candidates = "SELECT device_id FROM visits FINAL WHERE " + range + " GROUP BY device_id HAVING "
                + "uniqExact(day) >= " + t.candidateDays() + " OR sum(end_ms - start_ms) >= " + STAFF_PRESENCE_MS;
        Map<String, List<DeviceVisit>> byDevice = new LinkedHashMap<>();
        for (String[] r : writer.select("SELECT device_id, site_id, start_ms, end_ms, toString(day) FROM visits FINAL "
                + "WHERE " + range + " AND device_id IN (" + candidates + ") ORDER BY device_id, start_ms")) {
            byDevice.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new DeviceVisit(r[1], Long.parseLong(r[2]),
                    Long.parseLong(r[3]), LocalDate.parse(r[4])));
        }
        List<String> rows = new ArrayList<>();
        byDevice.forEach((device, visits) -> {
            SegmentEvidence e = SegmentEvidence.of(visits, id -> sites.site(id).orElse(null), zone);
            rows.add("(toDate('" + start + "'), '" + hex(device) + "', '" + e.segment(t).label() + "', " + e.days()
                    + ", " + e.weekdays() + ", " + e.spreadDays() + ", " + e.sites() + ", " + e.staffDays() + ", "
                    + e.staffWeekMinutes() + ", " + (e.guest() ? 1 : 0) + ", " + e.startWindows() + ", "
                    + e.longestVisitS() + ", " + ms + ")");
        });
        for (int i = 0; i < rows.size(); i += BATCH) {
            writer.execute("INSERT INTO device_segments VALUES " + String.join(", ",
                    rows.subList(i, Math.min(rows.size(), i + BATCH))));
        }
        writer.execute("INSERT INTO segment_periods VALUES (toDate('" + start + "'), " + sourceChanged + ", " + ms + ")");
    }

    /** Device ids are pseudonyms in lower-case hex; anything else would be a bug upstream, not a literal to quote. */
    private static String hex(String device) {
        if (!device.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalStateException("a device id that is not a pseudonym in lower-case hex");
        }
        return device;
    }

    public SegmentPeriod period() {
        return period;
    }
}
