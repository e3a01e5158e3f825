package jp.tabiji.analytics.segments;

import java.time.Clock;
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
 * staff, a commuter or a resident must be, or present as long as the least member of staff is; and the devices
 * written for the period before, written again (as visitors where the rules now say so). The rest of a period's
 * devices are visitors.
 */
public final class DeviceSegments {
    private static final int BATCH = 5_000;
    private final ClickHouseHttp writer;
    private final Sites sites;
    private final ZoneId zone;
    private final SegmentPeriod period;
    private final Thresholds rules;
    private final Clock clock;
    private boolean deferred;

    /** With the period's default rules. @param writer a ClickHouse user that may insert */
    public DeviceSegments(ClickHouseHttp writer, Sites sites, ZoneId zone, SegmentPeriod period) {
        this(writer, sites, period, period.thresholds(), Clock.system(zone));
    }

    /**
     * @param rules the thresholds to apply (ignored with daily periods, where every device is unknown)
     * @param clock what tells an open period from a closed one, in the deployment's zone
     */
    public DeviceSegments(ClickHouseHttp writer, Sites sites, SegmentPeriod period, Thresholds rules, Clock clock) {
        this.writer = writer;
        this.sites = sites;
        this.zone = clock.getZone();
        this.clock = clock;
        this.period = period;
        this.rules = period.thresholds() == null ? null : rules;
    }

    /**
     * Recomputes every period whose visits changed since it was last computed, and every open period last computed
     * under other rules; returns how many it computed. A closed period keeps the rules it was made final with (each
     * re-release is another look for an attacker) until its visits change.
     */
    public synchronized int refresh() {
        if (rules == null) {
            return 0; // daily pseudonyms: every device is unknown, nothing to compute
        }
        long now = writer.selectLong("SELECT toUInt32(now())");
        Map<LocalDate, Long> changed = new LinkedHashMap<>();
        for (String[] r : writer.select("SELECT toString(day), max(changed) FROM day_changes GROUP BY day")) {
            changed.merge(period.start(LocalDate.parse(r[0])), Long.parseLong(r[1]), Math::max);
        }
        Map<LocalDate, Long> seen = new HashMap<>();
        Map<LocalDate, String> seenRules = new HashMap<>();
        for (String[] r : writer.select("SELECT toString(period), argMax(source_changed, (computed_ms, source_changed)), "
                + "argMax(rules, (computed_ms, rules)) FROM segment_periods GROUP BY period")) {
            seen.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
            seenRules.put(LocalDate.parse(r[0]), r[2]);
        }
        LocalDate today = LocalDate.now(clock);
        int computed = 0;
        for (Map.Entry<LocalDate, Long> e : changed.entrySet()) {
            boolean otherRules = !period.closed(e.getKey(), today)
                    && !rules.describe().equals(seenRules.get(e.getKey()));
            if (!e.getValue().equals(seen.get(e.getKey())) || otherRules) {
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
        Thresholds t = rules;
        String range = period == SegmentPeriod.NONE ? "1"
                : "day BETWEEN toDate('" + start + "') AND toDate('" + period.end(start) + "')";
        String candidates = "SELECT device_id FROM visits FINAL WHERE " + range + " GROUP BY device_id HAVING "
                + "uniqExact(day) >= " + t.candidateDays() + " OR sum(end_ms - start_ms) >= "
                + t.candidateMinutes() * 60_000L;
        // and every device written for the period before: under other rules it may be a visitor now, and its old row
        // would stand if it were not written again
        String written = "SELECT device_id FROM device_segments WHERE period = toDate('" + start + "')";
        Map<String, List<DeviceVisit>> byDevice = new LinkedHashMap<>();
        for (String[] r : writer.select("SELECT device_id, site_id, start_ms, end_ms, toString(day) FROM visits FINAL "
                + "WHERE " + range + " AND (device_id IN (" + candidates + ") OR device_id IN (" + written + ")) "
                + "ORDER BY device_id, start_ms")) {
            byDevice.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new DeviceVisit(r[1], Long.parseLong(r[2]),
                    Long.parseLong(r[3]), LocalDate.parse(r[4])));
        }
        List<String> rows = new ArrayList<>();
        byDevice.forEach((device, visits) -> {
            SegmentEvidence e = SegmentEvidence.of(visits, id -> sites.site(id).orElse(null), zone, t);
            rows.add("(toDate('" + start + "'), '" + hex(device) + "', '" + e.segment(t).label() + "', " + e.days()
                    + ", " + e.weekdays() + ", " + e.spreadDays() + ", " + e.sites() + ", " + e.staffDays() + ", "
                    + e.staffWeekMinutes() + ", " + (e.guest() ? 1 : 0) + ", " + e.startWindows() + ", "
                    + e.longestVisitS() + ", " + ms + ")");
        });
        for (int i = 0; i < rows.size(); i += BATCH) {
            writer.execute("INSERT INTO device_segments VALUES " + String.join(", ",
                    rows.subList(i, Math.min(rows.size(), i + BATCH))));
        }
        writer.execute("INSERT INTO segment_periods (period, source_changed, computed_ms, rules) VALUES (toDate('"
                + start + "'), " + sourceChanged + ", " + ms + ", '" + t.describe() + "')");
    }

    /** Device ids are pseudonyms in lower-case hex; anything else would be a bug upstream, not a literal to quote. */
    private static String hex(String device) {
        if (!device.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalStateException("a device id that is not a pseudonym in lower-case hex");
        }
        return device;
    }

    public Thresholds rules() {
        return rules;
    }

    public SegmentPeriod period() {
        return period;
    }
}
