package jp.tabiji.streaming.health;

import java.util.Iterator;
import jp.tabiji.ingest.event.WifiEvent;

/**
 * DESIGN.md's presence at one AP: a device is present from CONNECT (or ACCT_START, LOGIN, ACCT_INTERIM) until its
 * DISCONNECT (or ACCT_STOP), or until {@code timeoutMs} after its last event when the close is never logged.
 * Accounting counters are cumulative per session, so the traffic of a minute is what they grew by.
 */
final class PresenceCounter {
    private final long timeoutMs;

    PresenceCounter(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** Applies one event (in time order) to the AP's present clients and the minute's counts. */
    void apply(ApTrack t, WifiEvent e, ApMinute row) {
        PresentClient c = t.present.get(e.deviceId);
        if (c != null && c.lastTs + timeoutMs <= e.ts) {
            t.present.remove(e.deviceId); // its connection ended unclosed before this event
            c = null;
        }
        switch (e.type) {
            case CONNECT, ACCT_START, LOGIN, ACCT_INTERIM -> {
                if (c == null) {
                    c = new PresentClient();
                    t.present.put(e.deviceId, c);
                    row.newConnections++;
                }
                seen(t, c, e.ts);
                if (e.type == jp.tabiji.ingest.event.EventType.ACCT_START) {
                    c.bytesIn = 0;
                    c.bytesOut = 0;
                }
                addTraffic(c, e, row);
            }
            case DISCONNECT, ACCT_STOP -> {
                if (c != null) {
                    addTraffic(c, e, row);
                    t.present.remove(e.deviceId);
                } else if (e.type == jp.tabiji.ingest.event.EventType.ACCT_STOP) {
                    addTraffic(new PresentClient(), e, row);
                }
            }
            case LOGIN_FAILED -> {
                if (c != null) {
                    seen(t, c, e.ts);
                }
            }
            default -> {
            }
        }
        if (e.type == jp.tabiji.ingest.event.EventType.LOGIN) {
            row.loginAttempts++;
            t.loginSuccessSeen = true;
        } else if (e.type == jp.tabiji.ingest.event.EventType.LOGIN_FAILED) {
            row.loginAttempts++;
            row.loginFailures++;
        }
    }

    /** The client's latest event; keeps {@link ApTrack#presentTimeoutNotBefore} a lower bound of every timeout. */
    private void seen(ApTrack t, PresentClient c, long ts) {
        c.lastTs = ts;
        t.presentTimeoutNotBefore = Math.min(t.presentTimeoutNotBefore, ts + timeoutMs);
    }

    /** Clients present at {@code at}; forgets those whose connection has ended unclosed. */
    int clientsAt(ApTrack t, long at) {
        if (at < t.presentTimeoutNotBefore) {
            return t.present.size(); // nobody's connection can have timed out yet: no need to look at each
        }
        long next = Long.MAX_VALUE;
        for (Iterator<PresentClient> it = t.present.values().iterator(); it.hasNext(); ) {
            long timeout = it.next().lastTs + timeoutMs;
            if (timeout <= at) {
                it.remove();
            } else {
                next = Math.min(next, timeout);
            }
        }
        t.presentTimeoutNotBefore = next;
        return t.present.size();
    }

    private static void addTraffic(PresentClient c, WifiEvent e, ApMinute row) {
        if (e.bytesIn != null) {
            row.bytesIn += Math.max(0, e.bytesIn - c.bytesIn);
            c.bytesIn = e.bytesIn;
        }
        if (e.bytesOut != null) {
            row.bytesOut += Math.max(0, e.bytesOut - c.bytesOut);
            c.bytesOut = e.bytesOut;
        }
    }
}
