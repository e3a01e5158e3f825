package jp.tabiji.ingest.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import jp.tabiji.ingest.parse.ParseResult;
import jp.tabiji.ingest.parse.RecordDecoder;

/** Parses one log file record by record, in file order. */
public final class LogFileStream implements Closeable {
    private final String origin;
    private final BoundedLineReader reader;
    private final RecordDecoder decoder;
    private final int maxLineBytes;
    private final long referenceMs;
    private final ArrayDeque<RecordDecoder.Decoded> ready = new ArrayDeque<>();
    private long lineNo;
    private long lastTs = Long.MIN_VALUE;
    private boolean finished;

    /** @param referenceMs the time that years are inferred against (the file's modification time, usually) */
    public LogFileStream(Path file, RecordDecoder decoder, int maxLineBytes, long referenceMs) throws IOException {
        this(file.toString(), Files.newInputStream(file), decoder, maxLineBytes, referenceMs);
    }

    public LogFileStream(String origin, InputStream in, RecordDecoder decoder, int maxLineBytes, long referenceMs) {
        this.origin = origin;
        this.reader = new BoundedLineReader(in, maxLineBytes);
        this.decoder = decoder;
        this.maxLineBytes = maxLineBytes;
        this.referenceMs = referenceMs;
    }

    /** The next record, or null at end of file. */
    public LogRecord next() throws IOException {
        while (ready.isEmpty() && !finished) {
            LineSplitter.Line line = reader.next();
            if (line == null) {
                decoder.finish(ready::add);
                finished = true;
            } else {
                lineNo++;
                if (line.overLength()) {
                    decoder.acceptOverLength(line.text(), lineNo, maxLineBytes, ready::add);
                } else {
                    decoder.accept(line.text(), lineNo, referenceMs, ready::add);
                }
            }
        }
        RecordDecoder.Decoded d = ready.poll();
        if (d == null) {
            return null;
        }
        if (d.result() instanceof ParseResult.Parsed p) {
            lastTs = p.event().ts();
        }
        return new LogRecord(origin, d.lineNo(), d.text(), d.result(), lastTs);
    }

    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
