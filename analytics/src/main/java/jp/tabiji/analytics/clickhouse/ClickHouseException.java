package jp.tabiji.analytics.clickhouse;

/** A failed ClickHouse request, with the server's first line of explanation. */
public class ClickHouseException extends RuntimeException {
    public ClickHouseException(String message) {
        super(message);
    }

    public ClickHouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
