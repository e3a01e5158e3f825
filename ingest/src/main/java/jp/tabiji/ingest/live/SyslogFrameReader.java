package jp.tabiji.ingest.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads syslog messages from a TCP stream with either framing of RFC 6587, detected per message: octet counting
 * ({@code 123 <13>1 ...}, a message may then contain newlines) or non-transparent framing (ended by LF, or NUL as
 * some senders use). A message longer than the limit is cut at the limit and the rest skipped, so memory stays
 * bounded; the caller learns it was cut.
 */
final class SyslogFrameReader {
    /** One message's bytes, and whether it was cut at the limit. */
    record Frame(byte[] bytes, boolean overLength) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(512);

    SyslogFrameReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next message, or null at end of stream. */
    Frame next() throws IOException {
        int c = in.read();
        while (c == '\n' || c == '\r' || c == 0) {
            c = in.read();
        }
        if (c < 0) {
            return null;
        }
        if (c >= '1' && c <= '9') {
            return octetCounted(c);
        }
        return untilDelimiter(c);
    }

    private Frame octetCounted(int first) throws IOException {
        long len = first - '0';
        int c = in.read();
        int digits = 1;
        while (c >= '0' && c <= '9' && digits < 10) {
            len = len * 10 + (c - '0');
            digits++;
            c = in.read();
        }
        if (c != ' ') {
            // not a length after all: treat what was read as the start of a newline-framed message
            buf.reset();
            buf.writeBytes(Long.toString(len).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return c < 0 || c == '\n' ? new Frame(buf.toByteArray(), false) : untilDelimiterAfter(c);
        }
        buf.reset();
        long remaining = len;
        byte[] chunk = new byte[8192];
        while (remaining > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (n < 0) {
                break;
            }
            int keep = Math.max(0, Math.min(n, maxBytes - buf.size()));
            buf.write(chunk, 0, keep);
            remaining -= n;
        }
        return new Frame(buf.toByteArray(), len > maxBytes);
    }

    private Frame untilDelimiter(int first) throws IOException {
        buf.reset();
        return untilDelimiterAfter(first);
    }

    private Frame untilDelimiterAfter(int first) throws IOException {
        boolean over = false;
        int c = first;
        while (c >= 0 && c != '\n' && c != 0) {
            if (buf.size() < maxBytes) {
                buf.write(c);
            } else {
                over = true;
            }
            c = in.read();
        }
        return new Frame(buf.toByteArray(), over);
    }
}
