package jp.tabiji.analytics.hotspots;

/**
 * One alert as the operations page lists it: open (no clear yet) or cleared.
 *
 * @param clearedMs null while open
 * @param siteId    "" for an unknown AP
 * @param peak      the worst value so far (open) or over the alert's life (cleared): most clients, highest failure
 *                  share; {@code peakAttempts} and {@code peakFailures} the login window's at that share
 */
public record AlertEntry(String alertId, String kind, String apId, String siteId, long openedMs, Long clearedMs,
                         double value, double threshold, String detail, double peak, long peakMs, long peakAttempts,
                         long peakFailures) {
    public boolean isOpen() {
        return clearedMs == null;
    }
}
