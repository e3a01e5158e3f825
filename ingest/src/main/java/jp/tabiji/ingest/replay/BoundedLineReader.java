package jp.tabiji.ingest.replay;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of at most {@code maxBytes} bytes without ever holding a longer one in memory: the excess of
 * an over-long line is skipped and the line is flagged. Invalid UTF-8 becomes U+FFFD so parsers can reject it.
 */
public final class BoundedLineReader implements Closeable {
    /** One line, without its terminator. */
    public record Line(String text, boolean overLength) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private int pos;
    private int limit;
    private long bytesRead;

    public BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at end of input. */
    public Line next() throws IOException {
        line.reset();
        boolean over = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(over) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            bytesRead += n;
            int room = maxBytes - line.size();
            if (n > room) {
                over = true;
            }
            line.write(buf, start, Math.max(0, Math.min(n, room)));
            if (pos < limit) {
                pos++;
                bytesRead++;
                return finish(over);
            }
        }
    }

    private Line finish(boolean over) throws CharacterCodingException {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        return new Line(decoder.decode(ByteBuffer.wrap(bytes, 0, len)).toString(), over);
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
