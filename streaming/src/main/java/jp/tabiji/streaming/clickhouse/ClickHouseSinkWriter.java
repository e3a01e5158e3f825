package jp.tabiji.streaming.clickhouse;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;

/** Buffers encoded rows and inserts them as one RowBinary block. */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {
    private final ClickHouseInserter inserter;
    private final RowEncoder<T> encoder;
    private final int batchRows;
    private final Counter rowsSent;
    private final RowBinary batch = new RowBinary();
    private int rows;

    ClickHouseSinkWriter(ClickHouseInserter inserter, RowEncoder<T> encoder, int batchRows, Counter rowsSent) {
        this.inserter = inserter;
        this.encoder = encoder;
        this.batchRows = batchRows;
        this.rowsSent = rowsSent;
    }

    @Override
    public void write(T element, Context context) throws IOException {
        encoder.encode(element, batch);
        rows++;
        if (rows >= batchRows) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (rows == 0) {
            return;
        }
        inserter.insert(batch.toByteArray());
        rowsSent.inc(rows);
        batch.reset();
        rows = 0;
    }

    @Override
    public void close() throws Exception {
        flush(true);
    }
}
