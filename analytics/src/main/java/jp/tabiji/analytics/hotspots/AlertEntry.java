package jp.tabiji.analytics.hotspots;

/**
 * One alert as the operations page lists it: open (no clear yet) or cleared.
 *
 * @param clearedMs null while open
 * @param siteId    "" for an unknown AP
 * @param peak      the worst value so far (open) or over the alert's life (cleared): most clients, highest failure
 *                  share or most failures; {@code peakAttempts} and {@code peakFailures} the login window's then
 * @param basis     a login spike's: {@code failure_share} or {@code failure_rate} (attempts unknown); "" otherwise
 */
public record AlertEntry(String alertId, String kind, String apId, String siteId, long openedMs, Long clearedMs,
                         double value, double threshold, String detail, double peak, long peakMs, long peakAttempts,
                         long peakFailures, String basis) {
    public boolean isOpen() {
        return clearedMs == null;
    }
}
