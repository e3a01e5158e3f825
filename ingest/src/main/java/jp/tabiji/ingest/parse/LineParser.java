package jp.tabiji.ingest.parse;

import java.time.ZoneId;

/** Detects the format of each line and hands it to the right parser. */
public final class LineParser {
    private final HostapdSyslogParser syslog = new HostapdSyslogParser();
    private final PortalLoginParser portal;

    public LineParser(ZoneId zone) {
        this.portal = new PortalLoginParser(zone);
    }

    public ParseResult parse(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (s.isBlank()) {
            return ParseResult.skipped("blank line");
        }
        if (s.indexOf('\uFFFD') >= 0) {
            return ParseResult.rejected("line is not valid UTF-8");
        }
        char first = s.charAt(0);
        if (first == '{') {
            return portal.parse(s);
        }
        if (first == '<') {
            return syslog.parse(s);
        }
        return ParseResult.rejected("unrecognised log format");
    }
}
