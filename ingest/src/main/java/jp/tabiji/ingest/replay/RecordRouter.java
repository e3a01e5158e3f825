package jp.tabiji.ingest.replay;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.publish.DeadLetter;

/**
 * Sends each parsed record where it belongs: events to the event sink, rejects to the dead-letter sink; skips
 * and opted-out devices are only counted.
 */
public final class RecordRouter {
    private final EdgeProcessor edge;
    private final Consumer<WifiEvent> events;
    private final Consumer<DeadLetter> deadLetters;
    private final LongSupplier clock;
    private final IngestCounters counters;
    private final String sourceKind;
    private final UnknownApCap unknownAps = UnknownApCap.defaults();

    /** @param sourceKind how the records arrived, for DLQ records: file, syslog, radius */
    public RecordRouter(EdgeProcessor edge, Consumer<WifiEvent> events, Consumer<DeadLetter> deadLetters,
                        LongSupplier clock, IngestCounters counters, String sourceKind) {
        this.edge = edge;
        this.events = events;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.counters = counters;
        this.sourceKind = sourceKind;
    }


    public void route(LogRecord r) {
        counters.lines.incrementAndGet();
        EdgeProcessor.Outcome outcome = edge.process(r.result());
        if (outcome instanceof EdgeProcessor.Event e) {
            if (e.event().siteId == null) {
                String admitted = unknownAps.admit(r.origin(), e.event().apId);
                if (!admitted.equals(e.event().apId)) {
                    counters.unknownApOverflow.incrementAndGet();
                    e.event().apId = admitted;
                }
            }
            events.accept(e.event());
            counters.published.incrementAndGet();
        } else if (outcome instanceof EdgeProcessor.Reject rej) {
            DeadLetter letter = DeadLetter.of(rej.reason(), sourceKind, clock.getAsLong(), r.origin(), r.lineNo(),
                    r.line());
            deadLetters.accept(letter);
            counters.reject(letter.reason());
        } else if (outcome instanceof EdgeProcessor.OptedOut) {
            counters.optedOut.incrementAndGet();
        } else {
            counters.skipped.incrementAndGet();
        }
    }
}
