package jp.tabiji.analytics.catalogue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the catalogue reads besides the visits current in the background — the device segments, then the
 * {@link PeriodCache} — at start, then every {@code every}; a failure waits a round.
 */
public final class PeriodCacheRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodCacheRefresher.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "period-cache");
        t.setDaemon(true);
        return t;
    });

    public PeriodCacheRefresher(PeriodCache cache, Duration every) {
        this(Map.of("period cache", cache::refresh), every);
    }

    /** @param rounds what to refresh, in order, by name; each returns how many periods it recomputed */
    public PeriodCacheRefresher(Map<String, IntSupplier> rounds, Duration every) {
        Map<String, IntSupplier> ordered = new LinkedHashMap<>(rounds);
        timer.scheduleWithFixedDelay(() -> ordered.forEach((name, round) -> {
            try {
                int n = round.getAsInt();
                if (n > 0) {
                    LOG.info("{}: {} periods recomputed", name, n);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: refresh failed, counting live until the next round: {}", name, e.getMessage());
            }
        }), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
