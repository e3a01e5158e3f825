package jp.tabiji.streaming.health;

import java.time.Duration;

/** Login attempts and failures per minute over a sliding window of whole minutes, kept in {@link ApTrack}. */
final class LoginWindow {
    private static final long MINUTE = 60_000L;
    private final int minutes;

    LoginWindow(Duration window) {
        this.minutes = (int) window.toMinutes();
    }

    /** Records one minute's counts; returns the window's {attempts, failures} ending with that minute. */
    long[] add(ApTrack t, long minuteStartMs, int attempts, int failures) {
        long m = Math.floorDiv(minuteStartMs, MINUTE);
        if (t.loginMinutes == null || t.loginMinutes.length != minutes) {
            if (attempts == 0 && t.loginMinutes == null) {
                return new long[] {0, 0};
            }
            t.loginMinutes = new long[minutes];
            t.loginAttempts = new int[minutes];
            t.loginFailures = new int[minutes];
            java.util.Arrays.fill(t.loginMinutes, Long.MIN_VALUE);
        }
        int i = (int) Math.floorMod(m, (long) minutes);
        if (t.loginMinutes[i] != m) {
            t.loginMinutes[i] = m;
            t.loginAttempts[i] = 0;
            t.loginFailures[i] = 0;
        }
        t.loginAttempts[i] += attempts;
        t.loginFailures[i] += failures;
        long a = 0;
        long f = 0;
        for (int j = 0; j < minutes; j++) {
            if (t.loginMinutes[j] > m - minutes && t.loginMinutes[j] <= m) {
                a += t.loginAttempts[j];
                f += t.loginFailures[j];
            }
        }
        if (a == 0) {
            t.loginMinutes = null; // nothing in the window: keep no state for it
            t.loginAttempts = null;
            t.loginFailures = null;
        }
        return new long[] {a, f};
    }
}
