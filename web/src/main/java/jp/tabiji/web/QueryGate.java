package jp.tabiji.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most so many requests that query the catalogue run at once; the next ones wait a little for a turn and are
 * then told to come back (503 with Retry-After), so a burst of heavy requests cannot take every worker and
 * ClickHouse with it.
 */
final class QueryGate {
    private final Semaphore turns;
    private final Duration wait;

    QueryGate(int concurrent, Duration wait) {
        this.turns = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    static QueryGate defaults() {
        return new QueryGate(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(5));
    }

    /** The handler, run in its turn. */
    Handler gated(Handler handler) {
        return ctx -> {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                busy(ctx);
            }
            try {
                handler.handle(ctx);
            } finally {
                turns.release();
            }
        };
    }

    private static void busy(Context ctx) {
        ctx.header("Retry-After", "2");
        throw new ApiException(503, "the server is answering as many statistics requests as it can; retry shortly");
    }
}
