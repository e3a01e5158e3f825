package jp.tabiji.analytics.hotspots;

/**
 * One alert as the operations page lists it: open (no clear yet) or cleared.
 *
 * @param clearedMs null while open
 * @param siteId    "" for an unknown AP
 */
public record AlertEntry(String alertId, String kind, String apId, String siteId, long openedMs, Long clearedMs,
                         double value, double threshold, String detail) {
    public boolean isOpen() {
        return clearedMs == null;
    }
}
