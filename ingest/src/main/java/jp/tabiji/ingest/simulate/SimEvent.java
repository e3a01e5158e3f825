package jp.tabiji.ingest.simulate;

/** One thing the simulated world makes an AP or the portal log. */
public record SimEvent(long ts, Kind kind, String apId, SimDevice device) {
    /** What is logged. */
    public enum Kind { CONNECT, DISCONNECT, LOGIN, LOGIN_FAILED }
}
