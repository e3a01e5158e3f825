package jp.tabiji.ingest.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tabiji.ingest.parse.LineParser;
import jp.tabiji.ingest.parse.ParseResult;

/** Parses one log file line by line, in file order. */
public final class LogFileStream implements Closeable {
    private final String origin;
    private final BoundedLineReader reader;
    private final LineParser parser;
    private final int maxLineBytes;
    private long lineNo;
    private long lastTs = Long.MIN_VALUE;

    public LogFileStream(Path file, LineParser parser, int maxLineBytes) throws IOException {
        this(file.toString(), Files.newInputStream(file), parser, maxLineBytes);
    }

    public LogFileStream(String origin, InputStream in, LineParser parser, int maxLineBytes) {
        this.origin = origin;
        this.reader = new BoundedLineReader(in, maxLineBytes);
        this.parser = parser;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next record, or null at end of file. */
    public LogRecord next() throws IOException {
        BoundedLineReader.Line line = reader.next();
        if (line == null) {
            return null;
        }
        lineNo++;
        ParseResult result = line.overLength()
                ? ParseResult.rejected("line longer than " + maxLineBytes + " bytes")
                : parser.parse(line.text());
        if (result instanceof ParseResult.Parsed p) {
            lastTs = p.event().ts();
        }
        return new LogRecord(origin, lineNo, line.text(), result, lastTs);
    }

    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
