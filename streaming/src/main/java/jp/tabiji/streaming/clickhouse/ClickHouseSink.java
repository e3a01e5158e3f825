package jp.tabiji.streaming.clickhouse;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes rows to ClickHouse over HTTP in RowBinary. Batches are flushed when full and at every checkpoint, so
 * the sink is at-least-once; rows carry deterministic ids into ReplacingMergeTree tables, which makes the
 * result effectively once (DESIGN.md, "Exactly once").
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private final String url;
    private final String database;
    private final RowEncoder<T> encoder;
    private final int batchRows;

    public ClickHouseSink(String url, String database, RowEncoder<T> encoder, int batchRows) {
        this.url = url;
        this.database = database;
        this.encoder = encoder;
        this.batchRows = batchRows;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new ClickHouseSinkWriter<>(new ClickHouseInserter(url, database, encoder.table(), encoder.columns()),
                encoder, batchRows, context.metricGroup().getNumRecordsSendCounter());
    }
}
