package jp.tabiji.web.ops;

import jp.tabiji.analytics.hotspots.AlertEntry;
import jp.tabiji.analytics.hotspots.Hotspot;
import jp.tabiji.analytics.hotspots.HotspotBoard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.registry.Site;

/**
 * The operations page's data ({@code /api/v1/hotspots} and {@code /api/v1/alerts}): the {@link HotspotBoard} with
 * site names, open alerts first, and times in the region's zone. Field names are those of the CLI's columns.
 */
public final class OpsService {
    public static final int MAX_LOG = 1000;
    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HotspotBoard board;
    private final ApRegistry registry;
    private final ZoneId zone;

    public OpsService(HotspotBoard board, ApRegistry registry, ZoneId zone) {
        this.board = board;
        this.registry = registry;
        this.zone = zone;
    }

    /** Every AP, those with open alerts first (then by AP id), and the open alerts. */
    public Map<String, Object> hotspots() {
        HotspotBoard.Board b = board.board(null);
        List<Hotspot> sorted = new ArrayList<>(b.hotspots());
        sorted.sort(java.util.Comparator.comparing((Hotspot h) -> h.openAlerts() == 0).thenComparing(Hotspot::apId));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Hotspot h : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ap_id", h.apId());
            m.put("site_id", h.siteId());
            Site s = h.siteId() == null ? null : registry.site(h.siteId()).orElse(null);
            m.put("site_name_ja", s == null ? null : s.nameJa());
            m.put("site_name_en", s == null ? null : s.nameEn());
            m.put("status", h.status());
            m.put("last_seen", time(h.lastSeenMs()));
            m.put("clients_now", h.clientsNow());
            m.put("open_alerts", h.openAlerts());
            m.put("capacity", h.capacity());
            m.put("lat", h.lat());
            m.put("lon", h.lon());
            m.put("sparkline", h.sparkline());
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", time(b.nowMs()));
        out.put("hotspots", rows);
        out.put("open_alerts", alerts(b.openAlerts()));
        return out;
    }

    /** The latest {@code limit} alerts (open or cleared), newest first. */
    public Map<String, Object> log(int limit) {
        if (limit < 1 || limit > MAX_LOG) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LOG);
        }
        return Map.of("alerts", alerts(board.log(null, limit)));
    }

    private List<Map<String, Object>> alerts(List<AlertEntry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertEntry a : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert_id", a.alertId());
            m.put("kind", a.kind());
            m.put("ap_id", a.apId());
            m.put("site_id", a.siteId().isEmpty() ? null : a.siteId());
            m.put("state", a.isOpen() ? "open" : "cleared");
            m.put("opened_at", time(a.openedMs()));
            m.put("cleared_at", time(a.clearedMs()));
            m.put("value", a.value());
            m.put("threshold", a.threshold());
            m.put("detail", a.detail());
            m.put("peak", a.peak());
            m.put("peak_at", time(a.peakMs()));
            if (a.kind().equals("login_failure_spike")) {
                m.put("peak_attempts", a.peakAttempts());
                m.put("peak_failures", a.peakFailures());
                m.put("basis", a.basis().isEmpty() ? "failure_share" : a.basis());
            }
            out.add(m);
        }
        return out;
    }

    private String time(Long ms) {
        return ms == null ? null : SECONDS.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
