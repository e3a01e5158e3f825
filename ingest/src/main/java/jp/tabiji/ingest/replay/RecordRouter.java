package jp.tabiji.ingest.replay;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.ParseResult;
import jp.tabiji.ingest.publish.DeadLetter;

/** Sends each parsed record where it belongs: events to the event sink, rejects to the dead-letter sink. */
public final class RecordRouter {
    private final EventNormalizer normalizer;
    private final Consumer<WifiEvent> events;
    private final Consumer<DeadLetter> deadLetters;
    private final LongSupplier clock;
    private final IngestCounters counters;

    public RecordRouter(EventNormalizer normalizer, Consumer<WifiEvent> events, Consumer<DeadLetter> deadLetters,
                        LongSupplier clock, IngestCounters counters) {
        this.normalizer = normalizer;
        this.events = events;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.counters = counters;
    }

    public void route(LogRecord r) {
        counters.lines.incrementAndGet();
        ParseResult result = r.result();
        if (result instanceof ParseResult.Parsed p) {
            events.accept(normalizer.normalize(p.event()));
            counters.published.incrementAndGet();
        } else if (result instanceof ParseResult.Rejected rej) {
            deadLetters.accept(DeadLetter.of(rej.reason(), "file", clock.getAsLong(), r.origin(), r.lineNo(), r.line()));
            counters.rejected.incrementAndGet();
        } else {
            counters.skipped.incrementAndGet();
        }
    }
}
