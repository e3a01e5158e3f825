package jp.tabiji.streaming.clickhouse;

import java.io.Serializable;
import java.util.List;

/** How one element type becomes a row of one ClickHouse table. */
public interface RowEncoder<T> extends Serializable {
    String table();

    List<String> columns();

    void encode(T element, RowBinary row);

    /** Writes one element's columns, in {@link #columns()} order. Serializable, so a lambda can be shipped to Flink. */
    @FunctionalInterface
    interface ColumnWriter<T> extends Serializable {
        void write(T element, RowBinary row);
    }

    static <T> RowEncoder<T> of(String table, List<String> columns, ColumnWriter<T> writer) {
        return new TableEncoder<>(table, List.copyOf(columns), writer);
    }

    /** The encoder {@link #of} builds. */
    record TableEncoder<T>(String table, List<String> columns, ColumnWriter<T> writer) implements RowEncoder<T> {
        @Override
        public void encode(T element, RowBinary row) {
            writer.write(element, row);
        }
    }
}
