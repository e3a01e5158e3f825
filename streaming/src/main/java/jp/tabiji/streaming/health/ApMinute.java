package jp.tabiji.streaming.health;

/**
 * One AP in one minute (table {@code ap_minute}): its events, the clients connected at the minute's end (DESIGN.md's
 * presence), devices that became present in the minute, portal and authorization attempts and failures, and the
 * traffic accounting reported in the minute. Identified by AP and minute, so a re-sent row replaces itself.
 */
public class ApMinute {
    public String apId;
    /** null for an AP missing from the registry. */
    public String siteId;
    /** Start of the minute, epoch ms. */
    public long minuteMs;
    /** Time of the minute's last event, 0 when it had none (a minute counted only for the clients still present). */
    public long lastEventMs;
    public int events;
    public int clientsNow;
    public int newConnections;
    public int loginAttempts;
    public int loginFailures;
    public long bytesIn;
    public long bytesOut;

    public ApMinute() {
    }

    @Override
    public String toString() {
        return "ApMinute{" + apId + " @" + minuteMs + " events=" + events + " clients=" + clientsNow + " new="
                + newConnections + " logins=" + loginAttempts + "/" + loginFailures + " failed}";
    }
}
