package jp.tabiji.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps {@link Summaries} current in the background: at start, then every {@code every}; a failure waits a round. */
public final class SummaryRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryRefresher.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "summary-refresher");
        t.setDaemon(true);
        return t;
    });

    public SummaryRefresher(Summaries summaries, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = summaries.refresh();
                if (n > 0) {
                    LOG.info("summaries: {} periods recomputed", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("summaries: refresh failed, counting live until the next round: {}", e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
