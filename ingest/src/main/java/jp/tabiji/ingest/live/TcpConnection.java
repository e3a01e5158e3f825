package jp.tabiji.ingest.live;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A syslog TCP connection: where it comes from and when it last sent a byte (to find the longest idle). */
final class TcpConnection {
    private final String source;
    private volatile long lastRead;

    TcpConnection(String source, long openedNanos) {
        this.source = source;
        this.lastRead = openedNanos;
    }

    String source() {
        return source;
    }

    long lastRead() {
        return lastRead;
    }

    /** The connection's input, noting each read that brought bytes. */
    static final class Reading extends FilterInputStream {
        private final TcpConnection connection;

        Reading(InputStream in, TcpConnection connection) {
            super(in);
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                connection.lastRead = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                connection.lastRead = System.nanoTime();
            }
            return n;
        }
    }
}
