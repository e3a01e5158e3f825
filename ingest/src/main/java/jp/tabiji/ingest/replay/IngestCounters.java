package jp.tabiji.ingest.replay;

import java.util.concurrent.atomic.AtomicLong;

/** What ingest did so far; read by progress displays from another thread. */
public final class IngestCounters {
    public final AtomicLong lines = new AtomicLong();
    public final AtomicLong published = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
}
