package jp.tabiji.ingest.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Events of AP names beyond the unknown-AP caps, published under their source's overflow name. */
    public final AtomicLong unknownApOverflow = new AtomicLong();
    /** Rejects by reason (digits folded, at most {@link #MAX_REASONS} kinds, so metrics stay bounded). */
    public final Map<String, AtomicLong> rejectedByReason = new ConcurrentHashMap<>();
    /** How long Kafka took to take what was sent. */
    public final SendLatency kafkaSend = new SendLatency();

    static final int MAX_REASONS = 64;

    /** Counts one rejected line under its reason. */
    public void reject(String reason) {
        rejected.incrementAndGet();
        byReason(reason).incrementAndGet();
    }

    private AtomicLong byReason(String reason) {
        String key = reason == null ? "unknown" : reason.replaceAll("[0-9]+", "N");
        key = key.length() > 80 ? key.substring(0, 80) : key;
        AtomicLong c = rejectedByReason.get(key);
        if (c == null) {
            c = rejectedByReason.size() < MAX_REASONS ? rejectedByReason.computeIfAbsent(key, k -> new AtomicLong())
                    : rejectedByReason.computeIfAbsent("other", k -> new AtomicLong());
        }
        return c;
    }

    /** Adds these counts to {@code total} and resets them (a transactional source counts what it committed). */
    public void moveTo(IngestCounters total) {
        total.lines.addAndGet(lines.getAndSet(0));
        total.published.addAndGet(published.getAndSet(0));
        total.rejected.addAndGet(rejected.getAndSet(0));
        total.skipped.addAndGet(skipped.getAndSet(0));
        total.optedOut.addAndGet(optedOut.getAndSet(0));
        total.dropped.addAndGet(dropped.getAndSet(0));
        rejectedByReason.forEach((reason, n) -> total.byReason(reason).addAndGet(n.getAndSet(0)));
    }

    public void reset() {
        moveTo(new IngestCounters());
    }
}
