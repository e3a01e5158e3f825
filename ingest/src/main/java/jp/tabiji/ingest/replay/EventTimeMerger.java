package jp.tabiji.ingest.replay;

import java.io.Closeable;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several log files that overlap in time into one stream in event-time order, so that a replay feeds
 * the job as if the logs had arrived live (a portal login in one file reaches the job beside the association
 * in another). Each file's own order is kept; ties go to the file listed first.
 */
public final class EventTimeMerger implements Closeable {
    private record Head(LogRecord record, int index) {
    }

    private final List<LogFileStream> streams;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(
            Comparator.comparingLong((Head h) -> h.record().orderTs()).thenComparingInt(Head::index));

    public EventTimeMerger(List<LogFileStream> streams) throws IOException {
        this.streams = streams;
        for (int i = 0; i < streams.size(); i++) {
            advance(i);
        }
    }

    private void advance(int index) throws IOException {
        LogRecord r = streams.get(index).next();
        if (r != null) {
            heads.add(new Head(r, index));
        }
    }

    /** The next record in event-time order, or null when every file is exhausted. */
    public LogRecord next() throws IOException {
        Head h = heads.poll();
        if (h == null) {
            return null;
        }
        advance(h.index());
        return h.record();
    }

    public long bytesRead() {
        return streams.stream().mapToLong(LogFileStream::bytesRead).sum();
    }

    @Override
    public void close() throws IOException {
        for (LogFileStream s : streams) {
            s.close();
        }
    }
}
