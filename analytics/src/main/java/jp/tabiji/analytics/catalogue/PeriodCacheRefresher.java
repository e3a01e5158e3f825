package jp.tabiji.analytics.catalogue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps {@link PeriodCache} current in the background: at start, then every {@code every}; a failure waits a round. */
public final class PeriodCacheRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodCacheRefresher.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "period-cache");
        t.setDaemon(true);
        return t;
    });

    public PeriodCacheRefresher(PeriodCache cache, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = cache.refresh();
                if (n > 0) {
                    LOG.info("period cache: {} periods recomputed", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("period cache: refresh failed, counting live until the next round: {}", e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
