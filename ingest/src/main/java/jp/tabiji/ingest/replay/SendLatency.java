package jp.tabiji.ingest.replay;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Kafka send latencies (send to acknowledgement, or a transaction's commit) in fixed buckets, lock-free, for a
 * Prometheus histogram. Bucket upper bounds are {@link #BOUNDS_SECONDS}, the last bucket open-ended.
 */
public final class SendLatency {
    public static final double[] BOUNDS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            10};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_SECONDS.length + 1);
    private final AtomicLong sumNanos = new AtomicLong();

    public void record(long nanos) {
        double s = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS_SECONDS.length && s > BOUNDS_SECONDS[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        sumNanos.addAndGet(nanos);
    }

    /** Counts per bucket (not cumulative), the last one above every bound. */
    public long[] counts() {
        long[] c = new long[buckets.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = buckets.get(i);
        }
        return c;
    }

    public double sumSeconds() {
        return sumNanos.get() / 1e9;
    }
}
