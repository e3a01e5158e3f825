package jp.tabiji.streaming.health;

/**
 * When a login window is a {@link AlertKind#LOGIN_FAILURE_SPIKE}. Where the AP's logs say when a login succeeds
 * (portal logins, RADIUS {@code Login OK}), by the share of attempts that failed. Controllers (Cisco, Aruba) log
 * failures only, and a client reaching RUN state is no login: counting only failures as attempts would put every
 * share at 100%, so there the window's failures are compared with the AP's usual rate instead.
 */
final class LoginSpikeRule {
    /** Failures at least this many times the AP's usual number in a window of that length. */
    static final double RATE_FACTOR = 3.0;
    static final String SHARE = "failure_share";
    static final String RATE = "failure_rate";

    /** @param value the failure share (share basis) or the window's failures (rate basis) */
    record Verdict(boolean spike, String basis, double value, double threshold, String what) {
    }

    private final HealthSettings settings;

    LoginSpikeRule(HealthSettings settings) {
        this.settings = settings;
    }

    /**
     * @param successesLogged whether the AP has ever logged a successful login
     * @param usualFailures   the AP's usual failures in a window as long as the spike window (0 when unknown)
     */
    Verdict judge(boolean successesLogged, long attempts, long failures, double usualFailures) {
        long minutes = settings.spikeWindow().toMinutes();
        if (successesLogged) {
            double share = attempts == 0 ? 0 : (double) failures / attempts;
            boolean spike = attempts >= settings.spikeMinAttempts() && share >= settings.spikeMinFailureShare();
            return new Verdict(spike, SHARE, share, settings.spikeMinFailureShare(), attempts + " login attempts in "
                    + minutes + " min, " + Math.round(share * 100) + "% failed");
        }
        double threshold = Math.max(settings.spikeMinAttempts(), Math.ceil(RATE_FACTOR * usualFailures));
        return new Verdict(failures >= threshold, RATE, failures, threshold, failures + " failed logins in " + minutes
                + " min, usually " + Math.round(usualFailures * 10) / 10.0 + " (successes are not logged here)");
    }
}
