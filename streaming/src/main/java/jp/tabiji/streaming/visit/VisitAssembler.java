package jp.tabiji.streaming.visit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.event.WifiEvent;

/**
 * DESIGN.md's visit definition as a pure function over one device's consecutive events at one site (a "stay"):
 * presence intervals per AP (from an opening event until its close; a connection whose close never came ends
 * {@code unclosedTimeout} after its last event; a close or LOGIN_FAILED with nothing open is a single instant),
 * clipped at {@code cutoff} (the time an event at another site ended the stay), then joined when less than
 * {@code joinGap} apart. Every event lands in exactly one visit.
 */
public final class VisitAssembler implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** One visit: its span and the events it holds (in input order). */
    public record Span(long start, long end, List<WifiEvent> events) {
    }

    private record Interval(long start, long end, List<WifiEvent> events) {
    }

    private static final class Open {
        final long start;
        long last;
        final List<WifiEvent> events = new ArrayList<>();

        Open(long start) {
            this.start = start;
            this.last = start;
        }
    }

    private final long joinGapMs;
    private final long unclosedTimeoutMs;

    public VisitAssembler(long joinGapMs, long unclosedTimeoutMs) {
        this.joinGapMs = joinGapMs;
        this.unclosedTimeoutMs = unclosedTimeoutMs;
    }

    /** @param events one stay's events in event-time order */
    public List<Span> assemble(List<WifiEvent> events, long cutoff) {
        List<Interval> intervals = new ArrayList<>();
        Map<String, Open> open = new HashMap<>();
        for (WifiEvent e : events) {
            Open c = open.get(e.apId);
            if (c != null && e.type.startsConnection()) {
                // re-association: the earlier connection's close was never logged, so it ended 30 minutes after
                // its last event, or when this one began if that came first
                intervals.add(new Interval(c.start, Math.min(c.last + unclosedTimeoutMs, e.ts), c.events));
                open.remove(e.apId);
                c = null;
            }
            if (e.type.opensPresence()) {
                if (c == null) {
                    c = new Open(e.ts);
                    open.put(e.apId, c);
                }
                c.last = e.ts;
                c.events.add(e);
            } else if (e.type.closesPresence() && c != null) {
                c.events.add(e);
                intervals.add(new Interval(c.start, e.ts, c.events));
                open.remove(e.apId);
            } else {
                intervals.add(new Interval(e.ts, e.ts, List.of(e)));
            }
        }
        for (Open c : open.values()) {
            intervals.add(new Interval(c.start, c.last + unclosedTimeoutMs, c.events));
        }
        intervals.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end));
        List<Span> visits = new ArrayList<>();
        long start = 0;
        long end = 0;
        List<WifiEvent> held = null;
        for (Interval i : intervals) {
            long iEnd = Math.min(i.end(), cutoff);
            if (held != null && i.start() - end < joinGapMs) {
                end = Math.max(end, iEnd);
                held.addAll(i.events());
            } else {
                if (held != null) {
                    visits.add(span(start, end, held));
                }
                start = i.start();
                end = iEnd;
                held = new ArrayList<>(i.events());
            }
        }
        if (held != null) {
            visits.add(span(start, end, held));
        }
        return visits;
    }

    private static Span span(long start, long end, List<WifiEvent> events) {
        events.sort(Comparator.comparingLong(e -> e.ts));
        return new Span(start, Math.max(start, end), events);
    }

    /**
     * When a stay can be closed: no later event at the site could join it. Open connections wait
     * {@code maxCloseWait} after their last event for a close before counting as never closed.
     */
    public long closableAt(List<WifiEvent> events, long maxCloseWaitMs) {
        Map<String, Long> open = new HashMap<>();
        long closedEnd = Long.MIN_VALUE;
        for (WifiEvent e : events) {
            if (e.type.opensPresence()) {
                open.put(e.apId, e.ts);
            } else {
                if (e.type.closesPresence()) {
                    open.remove(e.apId);
                }
                closedEnd = Math.max(closedEnd, e.ts);
            }
        }
        long at = closedEnd == Long.MIN_VALUE ? Long.MIN_VALUE : closedEnd + joinGapMs;
        for (long last : open.values()) {
            at = Math.max(at, last + Math.max(maxCloseWaitMs, unclosedTimeoutMs + joinGapMs));
        }
        return at;
    }
}
