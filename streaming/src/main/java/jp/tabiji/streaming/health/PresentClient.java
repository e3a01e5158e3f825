package jp.tabiji.streaming.health;

/** A device present at an AP: its last event, and the session's traffic counters as last reported. */
public class PresentClient {
    public long lastTs;
    public long bytesIn;
    public long bytesOut;

    public PresentClient() {
    }
}
