package jp.tabiji.analytics.catalogue;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import jp.tabiji.analytics.clickhouse.ClickHouseException;

/**
 * What one request may cost. Hourly rows are answered for a month at most; everything else is bounded by the
 * reader's query limits (rows, time, memory), and a query they stop becomes a request to narrow, never a 500.
 */
final class RequestLimits {
    static final int MAX_HOURLY_DAYS = 31;

    private RequestLimits() {
    }

    static void check(MetricRequest r) {
        long days = ChronoUnit.DAYS.between(r.from(), r.to()) + 1;
        if (r.groupedBy(Grouping.HOUR) && days > MAX_HOURLY_DAYS) {
            throw new IllegalArgumentException("groupBy=hour covers at most " + MAX_HOURLY_DAYS + " days; this range has "
                    + days + ": group by day, or ask for a shorter range");
        }
    }

    static <T> T bounded(Supplier<T> query) {
        try {
            return query.get();
        } catch (ClickHouseException e) {
            if (e.limitExceeded()) {
                throw new IllegalArgumentException("the answer is too large to serve at once (over the rows, time or "
                        + "memory one request may use): narrow the range, the place or the grouping", e);
            }
            throw e;
        }
    }
}
