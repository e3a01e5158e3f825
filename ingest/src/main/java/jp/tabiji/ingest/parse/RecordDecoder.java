package jp.tabiji.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the lines of one input (a file, a stream) into records and parses them: most formats are one line per
 * record, FreeRADIUS detail records span lines up to a blank line, and portal CSV rows need the header that
 * came first. With {@link LogFormat#AUTO} the format is detected line by line. Not thread-safe: one per input.
 * Every line yields exactly one result, except the lines of a detail record, which yield one together.
 */
public final class RecordDecoder {
    /** One record: the line it starts on, its text (lines joined by '\n'), and what the parser made of it. */
    public record Decoded(long lineNo, String text, ParseResult result) {
    }

    public static final int MAX_DETAIL_LINES = 256;

    private final LogFormat format;
    private final ParseContext ctx;
    private final LineParser lines;
    private PortalCsvParser csv;
    private String detailHeader;
    private long detailLineNo;
    private final List<String> detailLines = new ArrayList<>();
    private boolean detailTooLong;

    public RecordDecoder(LogFormat format, ParseContext ctx) {
        this.format = format;
        this.ctx = ctx;
        this.lines = new LineParser(ctx);
    }

    /** Feeds one line (without its terminator); results go to {@code out}. */
    public void accept(String line, long lineNo, long referenceMs, Consumer<Decoded> out) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (detailHeader != null) {
            if (RadiusDetailParser.isAttribute(s)) {
                if (detailLines.size() < MAX_DETAIL_LINES) {
                    detailLines.add(s);
                } else {
                    detailTooLong = true;
                }
                return;
            }
            finish(out);
            if (s.isBlank()) {
                return; // the blank line that ends a detail record belongs to it
            }
        }
        if (s.isBlank()) {
            out.accept(new Decoded(lineNo, line, ParseResult.skipped("blank line")));
            return;
        }
        ParseResult r = parseLine(s, lineNo, referenceMs);
        if (r != null) {
            out.accept(new Decoded(lineNo, line, r));
        }
    }

    /** Feeds a line that was longer than the reader's limit (its text is the truncated start). */
    public void acceptOverLength(String truncated, long lineNo, int limitBytes, Consumer<Decoded> out) {
        if (detailHeader != null) {
            finish(out);
        }
        out.accept(new Decoded(lineNo, truncated, ParseResult.rejected("line longer than " + limitBytes + " bytes")));
    }

    /** Ends the input: a detail record still open is complete now. */
    public void finish(Consumer<Decoded> out) {
        if (detailHeader == null) {
            return;
        }
        StringBuilder text = new StringBuilder(detailHeader);
        for (String l : detailLines) {
            text.append('\n').append(l);
        }
        ParseResult r = detailTooLong
                ? ParseResult.rejected("RADIUS detail record longer than " + MAX_DETAIL_LINES + " lines")
                : RadiusDetailParser.parse(detailHeader, detailLines, ctx);
        out.accept(new Decoded(detailLineNo, text.toString(), r));
        detailHeader = null;
        detailLines.clear();
        detailTooLong = false;
    }

    /** True when no multi-line record is open: a position after this line is a safe place to resume from. */
    public boolean idle() {
        return detailHeader == null;
    }

    /** The portal CSV header seen so far (to resume a CSV file mid-way), or null. */
    public String csvHeader() {
        return csv == null ? null : csv.header();
    }

    public void restoreCsvHeader(String header) {
        csv = header == null ? null : PortalCsvParser.forHeader(header, ctx.zone());
    }

    private ParseResult parseLine(String s, long lineNo, long referenceMs) {
        ParseResult bad = LineParser.unreadable(s);
        if (bad != null) {
            return bad;
        }
        return switch (format) {
            case RADIUS_DETAIL -> detailOnly(s, lineNo);
            case PORTAL_CSV -> csvRow(s, true);
            case PORTAL_JSON -> lines.parsePortal(s);
            case SYSLOG, LOGREAD -> lines.parseSyslog(s, referenceMs);
            case AUTO -> detect(s, lineNo, referenceMs);
        };
    }

    private ParseResult detect(String s, long lineNo, long referenceMs) {
        if (RadiusDetailParser.isHeader(s)) {
            return openDetail(s, lineNo);
        }
        if (Character.isWhitespace(s.charAt(0)) && RadiusDetailParser.isAttribute(s)) {
            return ParseResult.rejected("RADIUS attribute line outside a detail record");
        }
        char first = s.charAt(0);
        if (first != '{' && first != '<') {
            if (csv != null) {
                return csvRow(s, false);
            }
            PortalCsvParser header = PortalCsvParser.forHeader(s, ctx.zone());
            if (header != null) {
                csv = header;
                return ParseResult.skipped("portal CSV header");
            }
        }
        return lines.parseReadable(s, referenceMs);
    }

    private ParseResult detailOnly(String s, long lineNo) {
        if (RadiusDetailParser.isHeader(s)) {
            return openDetail(s, lineNo);
        }
        return ParseResult.rejected(RadiusDetailParser.isAttribute(s)
                ? "RADIUS attribute line outside a detail record" : "not a RADIUS detail line");
    }

    /** Starts a record; its result comes when it ends, so this line reports nothing itself. */
    private ParseResult openDetail(String s, long lineNo) {
        detailHeader = s;
        detailLineNo = lineNo;
        return null;
    }

    private ParseResult csvRow(String s, boolean headerRequired) {
        if (csv == null) {
            csv = PortalCsvParser.forHeader(s, ctx.zone());
            return csv != null ? ParseResult.skipped("portal CSV header") : ParseResult.rejected(headerRequired
                    ? "portal CSV must start with a header naming ts, ap, mac and event" : "unrecognised log format");
        }
        return csv.parse(s);
    }
}
