package jp.tabiji.ingest.replay;

import java.util.concurrent.atomic.AtomicLong;

/** What ingest did so far; read by progress displays and metrics from another thread. */
public final class IngestCounters {
    public final AtomicLong lines = new AtomicLong();
    public final AtomicLong published = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
    public final AtomicLong optedOut = new AtomicLong();
    /** Messages a live source had to drop because its buffer was full. */
    public final AtomicLong dropped = new AtomicLong();

    /** Adds these counts to {@code total} and resets them (a transactional source counts what it committed). */
    public void moveTo(IngestCounters total) {
        total.lines.addAndGet(lines.getAndSet(0));
        total.published.addAndGet(published.getAndSet(0));
        total.rejected.addAndGet(rejected.getAndSet(0));
        total.skipped.addAndGet(skipped.getAndSet(0));
        total.optedOut.addAndGet(optedOut.getAndSet(0));
        total.dropped.addAndGet(dropped.getAndSet(0));
    }

    public void reset() {
        moveTo(new IngestCounters());
    }
}
