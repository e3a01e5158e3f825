package jp.tabiji.ingest.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.replay.LineSplitter;
import jp.tabiji.ingest.replay.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed log file name, through rotation. Rename + create: the old file is read to its end (while its
 * writer may still append, for a second after the rotation is seen), then the new one from the start.
 * Copytruncate: the file shrinking below the read offset means it was truncated; reading restarts at 0 (lines
 * written between the copy and the truncation are lost: a limit of copytruncate itself). Positions are only
 * ever given at record boundaries, so a restart from one neither loses nor repeats a record.
 */
final class TailedFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TailedFile.class);
    private static final int HEAD = 256;
    private static final long ROTATION_GRACE_MS = 1000;

    private final Path path;
    private final Supplier<RecordDecoder> decoders;
    private final int maxLineBytes;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private FileChannel ch;
    private Path reading;
    private String key;
    private long readPos;
    private LineSplitter splitter;
    private RecordDecoder decoder;
    private long lineNo;
    private long safeOffset;
    private long safeLineNo;
    private int headLength;
    private long headCrc;
    private boolean rotated;
    private long rotationSeenAt = -1;

    private TailedFile(Path path, Supplier<RecordDecoder> decoders, int maxLineBytes) {
        this.path = path;
        this.decoders = decoders;
        this.maxLineBytes = maxLineBytes;
    }

    /** Opens where {@code position} says, or at the start if there is none or it no longer fits the file. */
    static TailedFile resume(Path path, FilePosition position, Supplier<RecordDecoder> decoders, int maxLineBytes)
            throws IOException {
        TailedFile t = new TailedFile(path, decoders, maxLineBytes);
        if (position == null) {
            if (Files.exists(path)) {
                t.open(path, 0, 0, null);
            }
            return t;
        }
        String current = keyOf(path);
        Path file = position.fileKey().equals(current) ? path : findByKey(path, position.fileKey());
        if (file == null) {
            LOG.warn("{}: the file last read was rotated away and is gone; starting the current file from its start",
                    path);
            if (current != null) {
                t.open(path, 0, 0, position.csvHeader());
            }
            return t;
        }
        boolean fits = Files.size(file) >= position.offset() && headCrc(file, position.headLength())
                == position.headCrc();
        if (!fits) {
            LOG.warn("{}: the file was truncated or replaced since it was last read; reading it from its start", file);
        }
        t.open(file, fits ? position.offset() : 0, fits ? position.lineNo() : 0, position.csvHeader());
        t.rotated = !file.equals(path);
        return t;
    }

    private void open(Path file, long offset, long startLine, String csvHeader) throws IOException {
        if (ch != null) {
            ch.close();
        }
        ch = FileChannel.open(file, StandardOpenOption.READ);
        reading = file;
        key = keyOf(file);
        readPos = offset;
        splitter = new LineSplitter(maxLineBytes, offset);
        decoder = decoders.get();
        decoder.restoreCsvHeader(csvHeader);
        lineNo = startLine;
        safeOffset = offset;
        safeLineNo = startLine;
        headLength = 0;
        headCrc = headCrc(file, 0);
        rotated = false;
        rotationSeenAt = -1;
    }

    /** Reads up to {@code maxBytes} new bytes; records go to {@code out}. Returns the bytes read. */
    int poll(int maxBytes, long referenceMs, Consumer<LogRecord> out) throws IOException {
        if (ch == null) {
            if (Files.exists(path)) {
                open(path, 0, 0, null);
            } else {
                return 0;
            }
        }
        buf.clear();
        buf.limit(Math.min(buf.capacity(), maxBytes));
        int n = ch.read(buf, readPos);
        if (n > 0) {
            readPos += n;
            splitter.feed(buf.array(), 0, n, line -> onLine(line, referenceMs, out));
            return n;
        }
        String current = keyOf(path);
        if (!rotated && current != null && !current.equals(key)) {
            rotated = true;
        }
        if (rotated) {
            long now = System.currentTimeMillis();
            if (rotationSeenAt < 0) {
                rotationSeenAt = now;
            } else if (now - rotationSeenAt >= ROTATION_GRACE_MS && current != null) {
                finishRecords(referenceMs, out);
                LOG.info("{}: rotated; finished the previous file, now reading the new one", path);
                open(path, 0, 0, null);
            }
        } else if (current != null && Files.size(path) < readPos) {
            LOG.info("{}: truncated (copytruncate); reading from its start", path);
            open(path, 0, 0, decoder.csvHeader());
        }
        return 0;
    }

    /** At the end of a file that will not grow any more: the last unterminated line and open record count. */
    void finishRecords(long referenceMs, Consumer<LogRecord> out) {
        if (splitter == null) {
            return;
        }
        LineSplitter.Line last = splitter.flushPartial();
        if (last != null) {
            onLine(last, referenceMs, out);
        }
        decoder.finish(d -> out.accept(record(d)));
        safeOffset = readPos;
        safeLineNo = lineNo;
    }

    private void onLine(LineSplitter.Line line, long referenceMs, Consumer<LogRecord> out) {
        lineNo++;
        if (line.overLength()) {
            decoder.acceptOverLength(line.text(), lineNo, maxLineBytes, d -> out.accept(record(d)));
        } else {
            decoder.accept(line.text(), lineNo, referenceMs, d -> out.accept(record(d)));
        }
        if (decoder.idle()) {
            safeOffset = line.endOffset();
            safeLineNo = lineNo;
        }
    }

    private LogRecord record(RecordDecoder.Decoded d) {
        return new LogRecord(reading.toString(), d.lineNo(), d.text(), d.result(), 0);
    }

    /** Where a restart should resume: after the last complete record read. */
    FilePosition position() throws IOException {
        if (ch == null) {
            return null;
        }
        int want = (int) Math.min(HEAD, safeOffset);
        if (want > headLength) {
            headCrc = headCrc(reading, want);
            headLength = want;
        }
        return new FilePosition(path.toString(), key, safeOffset, safeLineNo, headLength, headCrc,
                decoder.csvHeader());
    }

    Path path() {
        return path;
    }

    private static String keyOf(Path p) {
        try {
            Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return k == null ? p.toRealPath().toString() : k.toString();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A rotated file keeps its inode under a new name next to the old one ({@code app.log.1}, {@code app.log-2026..}). */
    private static Path findByKey(Path path, String wanted) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        String base = path.getFileName().toString();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(base) && !p.equals(path.toAbsolutePath()))
                    .filter(p -> wanted.equals(keyOf(p))).findFirst().orElse(null);
        }
    }

    private static long headCrc(Path file, int length) throws IOException {
        CRC32 crc = new CRC32();
        if (length > 0) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(length);
                while (b.hasRemaining() && c.read(b) > 0) {
                    // fill
                }
                crc.update(b.array(), 0, b.position());
            }
        }
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        if (ch != null) {
            ch.close();
        }
    }
}
