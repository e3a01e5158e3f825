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
}
