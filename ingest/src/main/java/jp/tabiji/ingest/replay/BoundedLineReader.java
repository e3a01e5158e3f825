package jp.tabiji.ingest.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Reads lines of at most {@code maxBytes} bytes from a stream that ends (see {@link LineSplitter}); the last
 * line needs no terminator.
 */
public final class BoundedLineReader implements Closeable {
    private final InputStream in;
    private final LineSplitter splitter;
    private final byte[] buf = new byte[64 * 1024];
    private final ArrayDeque<LineSplitter.Line> ready = new ArrayDeque<>();
    private boolean eof;
    private long bytesRead;

    public BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.splitter = new LineSplitter(maxBytes, 0);
    }

    /** The next line, or null at end of input. */
    public LineSplitter.Line next() throws IOException {
        while (ready.isEmpty() && !eof) {
            int n = in.read(buf);
            if (n < 0) {
                eof = true;
                LineSplitter.Line last = splitter.flushPartial();
                if (last != null) {
                    ready.add(last);
                }
            } else {
                bytesRead += n;
                splitter.feed(buf, 0, n, ready::add);
            }
        }
        return ready.poll();
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
