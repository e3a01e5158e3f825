package jp.tabiji.streaming.clickhouse;

import java.io.Serializable;
import java.util.List;

/** How one element type becomes a row of one ClickHouse table. */
public interface RowEncoder<T> extends Serializable {
    String table();

    List<String> columns();

    void encode(T element, RowBinary row);
}
