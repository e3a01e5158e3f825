package jp.tabiji.ingest.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The hotspot alerts a simulation must raise, in its truth file: one per injected fault, with the span in which
 * it must open and the span in which it must clear under the default thresholds (silent after 15 minutes,
 * overloaded after 5, login spikes over 10-minute windows), and one unknown-AP alert per unregistered AP that
 * logged anything. A run with background traffic and no faults must raise nothing else.
 */
final class ExpectedAlerts {
    private static final long MINUTE = 60_000L;

    private ExpectedAlerts() {
    }

    static void write(ObjectNode root, List<SimulatedFault> faults, List<String> unknownAps) {
        ArrayNode out = root.putArray("faults");
        for (SimulatedFault f : faults) {
            long[] open;
            long[] clear;
            switch (f.kind()) {
                // the last event before the outage came at most 6 minutes before it (background traffic)
                case OUTAGE -> {
                    open = new long[] {f.from() + 9 * MINUTE, f.from() + 15 * MINUTE};
                    clear = new long[] {f.to(), f.to() + 6 * MINUTE};
                }
                // everyone has joined within the first minute; judged at minute ends
                case OVERLOAD -> {
                    open = new long[] {f.from() + 5 * MINUTE, f.from() + 7 * MINUTE};
                    clear = new long[] {f.to(), f.to() + 2 * MINUTE};
                }
                default -> {
                    open = new long[] {f.from(), f.to() + MINUTE};
                    clear = new long[] {f.to(), f.to() + 11 * MINUTE};
                }
            }
            out.addObject().put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT)).put("ap_id", f.apId())
                    .put("from", iso(f.from())).put("to", iso(f.to())).put("alert", f.kind().alert())
                    .put("opens_after", iso(open[0])).put("opens_by", iso(open[1]))
                    .put("clears_after", iso(clear[0])).put("clears_by", iso(clear[1]));
        }
        ArrayNode unknown = root.putArray("unknownAps");
        unknownAps.forEach(unknown::add);
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
