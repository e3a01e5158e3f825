package jp.tabiji.analytics.clickhouse;

/** A failed ClickHouse request, with the server's first line of explanation. */
public class ClickHouseException extends RuntimeException {
    public ClickHouseException(String message) {
        super(message);
    }

    public ClickHouseException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the server stopped the query at one of its {@link QueryLimits}: TIMEOUT_EXCEEDED (159), TOO_MANY_ROWS
     * (158), MEMORY_LIMIT_EXCEEDED (241) or TOO_MANY_ROWS_OR_BYTES (396), as 18.16 and current servers both say.
     */
    public boolean limitExceeded() {
        String m = getMessage();
        return m != null && (m.contains("Code: 159") || m.contains("Code: 158") || m.contains("Code: 241")
                || m.contains("Code: 396"));
    }
}
