package jp.tabiji.analytics.clickhouse;

import java.time.Duration;

/**
 * What one query may cost, sent with every query as settings (so they hold whatever profile the server gives the
 * user; {@code readonly=2} lets the reader set them): time, rows in the answer, memory.
 */
public record QueryLimits(Duration maxExecutionTime, long maxResultRows, long maxMemoryBytes) {
    /** For the API's reader: an answer of more rows than this is a request to narrow, not one to serve. */
    public static QueryLimits api() {
        return new QueryLimits(Duration.ofSeconds(20), 200_000, 2L << 30);
    }

    String urlParameters() {
        return "max_execution_time=" + Math.max(1, maxExecutionTime.toSeconds()) + "&max_result_rows=" + maxResultRows
                + "&result_overflow_mode=throw&max_memory_usage=" + maxMemoryBytes + "&";
    }
}
