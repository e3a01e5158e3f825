package jp.tabiji.ingest.replay;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts bytes into lines of at most {@code maxBytes}, never holding more than that of one line: the excess of an
 * over-long line is dropped and the line flagged. Tracks the byte offset after each line, so a follower can
 * resume exactly there. Invalid UTF-8 becomes U+FFFD so parsers can reject it; a trailing CR is removed.
 */
public final class LineSplitter {
    /** One line without its terminator, and the input offset just after it. */
    public record Line(String text, boolean overLength, long endOffset) {
    }

    private final int maxBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private long offset;
    private long lineStart;
    private boolean over;
    private boolean partial;

    public LineSplitter(int maxBytes, long startOffset) {
        this.maxBytes = maxBytes;
        this.offset = startOffset;
        this.lineStart = startOffset;
    }

    /** Feeds bytes; every line completed by them goes to {@code out}. */
    public void feed(byte[] buf, int off, int len, Consumer<Line> out) {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            offset += n;
            partial = true;
            int room = maxBytes - line.size();
            if (n > room) {
                over = true;
            }
            line.write(buf, start, Math.max(0, Math.min(n, room)));
            if (pos < end) {
                pos++;
                offset++;
                out.accept(take());
            }
        }
    }

    /** The unterminated last line, if any (at end of a file that will not grow). */
    public Line flushPartial() {
        return partial ? take() : null;
    }

    public boolean hasPartial() {
        return partial;
    }

    /** The input offset just after the last line handed out: where a restart resumes. */
    public long offset() {
        return lineStart;
    }

    private Line take() {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
        Line l = new Line(text, over, offset);
        line.reset();
        lineStart = offset;
        over = false;
        partial = false;
        return l;
    }
}
