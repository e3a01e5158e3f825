package jp.tabiji.streaming.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;

/**
 * Buffers encoded rows and inserts them as RowBinary blocks. A full block is sent in the background while the
 * next one fills, so the task keeps working while ClickHouse parses; at most one block is in flight. A flush
 * (each checkpoint, the end of input) waits until everything written so far is in ClickHouse, so a checkpoint
 * still never covers a row that was not stored. A failed insert fails the next write or flush.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {
    private final ClickHouseInserter inserter;
    private final RowEncoder<T> encoder;
    private final int batchRows;
    private final Counter rowsSent;
    private final ExecutorService sender;
    private RowBinary batch = new RowBinary();
    private RowBinary spare = new RowBinary();
    private int rows;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    ClickHouseSinkWriter(ClickHouseInserter inserter, RowEncoder<T> encoder, int batchRows, Counter rowsSent) {
        this.inserter = inserter;
        this.encoder = encoder;
        this.batchRows = batchRows;
        this.rowsSent = rowsSent;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clickhouse-insert-" + encoder.table());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void write(T element, Context context) throws IOException {
        encoder.encode(element, batch);
        rows++;
        if (rows >= batchRows) {
            send();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        send();
        awaitInFlight();
    }

    private void send() throws IOException {
        if (rows == 0) {
            return;
        }
        awaitInFlight();
        RowBinary block = batch;
        int blockRows = rows;
        batch = spare;
        spare = block;
        rows = 0;
        inFlight = CompletableFuture.runAsync(() -> {
            try {
                inserter.insert(block.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            block.reset();
            rowsSent.inc(blockRows);
        }, sender);
    }

    private void awaitInFlight() throws IOException {
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while inserting into " + encoder.table(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new IOException("insert into " + encoder.table() + " failed: " + cause.getMessage(), cause);
        }
    }

    /**
     * Drops what was not flushed: Flink flushes at the end of input and at every checkpoint, so rows still here at
     * close belong to a failed or cancelled attempt and come again from the last checkpoint. Throwing from close
     * would be worse than losing nothing: an exception while a failed task cleans up is fatal to its TaskManager.
     */
    @Override
    public void close() {
        sender.shutdownNow();
        rows = 0;
        batch.reset();
    }
}
