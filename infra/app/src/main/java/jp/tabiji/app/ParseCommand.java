package jp.tabiji.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.MacMasker;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.DeadLetter;
import jp.tabiji.ingest.replay.LogFileStream;
import jp.tabiji.ingest.replay.LogRecord;

/**
 * `tabiji parse`: one JSON object per input record, in input order: the normalized event, {@code {"skipped":
 * REASON}}, or {@code {"rejected": REASON, "line": ...}} with MAC-like tokens masked. Nothing leaves the machine.
 */
final class ParseCommand {
    private final AppConfig config;
    private final byte[] secret;

    ParseCommand(AppConfig config, byte[] secret) {
        this.config = config;
        this.secret = secret;
    }

    /** Parses {@code file} ({@code -} for stdin) and writes the results to {@code out}; returns records written. */
    long run(String file, SourceOptions options, InputStream stdin, OutputStream out) throws IOException {
        boolean isStdin = file.equals("-");
        Path path = isStdin ? null : Path.of(file);
        if (path != null && !Files.isReadable(path)) {
            throw new UsageException("cannot read " + file);
        }
        long reference = path != null ? options.referenceTime(path)
                : options.referenceMs() != null ? options.referenceMs() : System.currentTimeMillis();
        RecordDecoder decoder = new RecordDecoder(options.format(), new ParseContext(config.zone(), options.defaultAp()));
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(options.registry(),
                new Pseudonymizer(secret, config.period(), config.zone())), options.optOut());
        WifiEventCodec codec = new WifiEventCodec();
        ObjectMapper json = new ObjectMapper();
        long n = 0;
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (LogFileStream records = new LogFileStream(isStdin ? "stdin" : file,
                isStdin ? stdin : Files.newInputStream(path), decoder, Replay.MAX_LINE_BYTES, reference)) {
            for (LogRecord r = records.next(); r != null; r = records.next()) {
                EdgeProcessor.Outcome o = edge.process(r.result());
                if (o instanceof EdgeProcessor.Event e) {
                    w.write(new String(codec.encode(e.event()), StandardCharsets.UTF_8));
                } else {
                    ObjectNode node = json.createObjectNode();
                    if (o instanceof EdgeProcessor.Reject rej) {
                        // exactly what the dead-letter topic would keep: masked, cut at 1 KiB
                        DeadLetter letter = DeadLetter.of(rej.reason(), "parse", 0, r.origin(), r.lineNo(), r.line());
                        node.put("rejected", letter.reason());
                        node.put("line", letter.line());
                    } else if (o instanceof EdgeProcessor.Skip s) {
                        node.put("skipped", MacMasker.mask(s.reason()));
                    } else {
                        node.put("skipped", "device opted out");
                    }
                    w.write(json.writeValueAsString(node));
                }
                w.write('\n');
                n++;
            }
        } finally {
            w.flush();
        }
        return n;
    }
}
