package jp.tabiji.analytics.hotspots;

import java.util.List;

/**
 * One AP as operations sees it: its status (ok, silent, overloaded, unknown), when it last sent anything, the
 * clients connected now, its open alerts, and 24 hourly peaks of connected clients ending now (oldest first).
 *
 * @param lastSeenMs null when the AP never sent anything
 * @param capacity   null when the registry gives none (and for an unknown AP)
 * @param lat        null for an unknown AP, whose position nobody registered
 */
public record Hotspot(String apId, String siteId, String status, Long lastSeenMs, int clientsNow, int openAlerts,
                      Integer capacity, Double lat, Double lon, List<Integer> sparkline) {
    public static final String OK = "ok";
    public static final String SILENT = "silent";
    public static final String OVERLOADED = "overloaded";
    public static final String UNKNOWN = "unknown";
}
