package jp.tabiji.ingest.parse;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a syslog line, in the spellings devices and relays write: RFC 5424, RFC 3164 (with or without
 * PRI, optionally with a year after the time as Aruba writes it), RFC 3339 file lines (rsyslog), and OpenWrt
 * {@code logread} ({@code Mon Oct 16 22:05:04 2017 daemon.notice hostapd: ...}, no host).
 *
 * @param host the sending host (the AP or controller), or null when the line names none
 * @param tag the program (APP-NAME / TAG without its [pid]), or null
 * @param reject why the line cannot be read, or null if it can
 */
record SyslogEnvelope(long ts, String host, String tag, String message, String reject) {
    private static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>(\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (.*)", Pattern.DOTALL);
    private static final Pattern RFC3164 = Pattern.compile(
            "(?:<(\\d{1,3})>)?([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?: (\\d{4}))?"
                    + "(?: (UTC|GMT|JST|KST))? (.*)", Pattern.DOTALL);
    private static final Pattern RFC3339_FILE = Pattern.compile(
            "(?:<(\\d{1,3})>)?(\\d{4}-\\d{2}-\\d{2}T\\S+) (.*)", Pattern.DOTALL);
    private static final Pattern LOGREAD = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4}) [a-z0-9]+\\.[a-z]+ (.*)",
            Pattern.DOTALL);

    static SyslogEnvelope rejected(String reason) {
        return new SyslogEnvelope(0, null, null, null, reason);
    }

    static SyslogEnvelope parse(String line, ParseContext ctx, long referenceMs) {
        SyslogEnvelope fast = SyslogFastPath.rfc5424(line);
        if (fast != null) {
            return fast;
        }
        Matcher m = RFC5424.matcher(line);
        if (m.matches()) {
            return rfc5424(m);
        }
        SyslogEnvelope openwrt = SyslogFastPath.logread(line, ctx);
        if (openwrt != null) {
            return openwrt;
        }
        m = LOGREAD.matcher(line);
        if (m.matches()) {
            int month = LogTime.month(m.group(1));
            Long ts = month < 0 ? null : LogTime.at(Integer.parseInt(m.group(6)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0,
                    ctx.zone());
            return ts == null ? rejected("impossible date in logread line") : withTag(ts, null, m.group(7));
        }
        SyslogEnvelope bsd = SyslogFastPath.rfc3164(line, ctx, referenceMs);
        if (bsd != null) {
            return bsd;
        }
        m = RFC3164.matcher(line);
        if (m.matches()) {
            return rfc3164(m, ctx, referenceMs);
        }
        m = RFC3339_FILE.matcher(line);
        if (m.matches()) {
            if (priorityOutOfRange(m.group(1))) {
                return rejected("syslog priority out of range");
            }
            Long ts = isoTime(m.group(2), ctx);
            return ts == null ? rejected("bad syslog timestamp") : hostAndTag(ts, m.group(3));
        }
        return rejected("not a syslog line");
    }

    private static SyslogEnvelope rfc5424(Matcher m) {
        if (priorityOutOfRange(m.group(1))) {
            return rejected("syslog priority out of range");
        }
        String message = stripStructuredData(m.group(8));
        if (message == null) {
            return rejected("malformed syslog structured data");
        }
        if (m.group(3).equals("-")) {
            return rejected("syslog line has no timestamp");
        }
        Long ts = isoTime(m.group(3), null);
        if (ts == null) {
            return rejected("bad syslog timestamp");
        }
        String host = m.group(4).equals("-") ? null : m.group(4);
        String app = m.group(5).equals("-") ? null : m.group(5);
        return new SyslogEnvelope(ts, host, app, message, null);
    }

    private static SyslogEnvelope rfc3164(Matcher m, ParseContext ctx, long referenceMs) {
        if (priorityOutOfRange(m.group(1))) {
            return rejected("syslog priority out of range");
        }
        int month = LogTime.month(m.group(2));
        if (month < 0) {
            return rejected("bad month in syslog timestamp");
        }
        int day = Integer.parseInt(m.group(3));
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        int s = Integer.parseInt(m.group(6));
        int nanos = LogTime.nanos(m.group(7));
        var zone = LogTime.zone(m.group(9), ctx.zone());
        Long ts = m.group(8) != null
                ? LogTime.at(Integer.parseInt(m.group(8)), month, day, h, min, s, nanos, zone)
                : LogTime.withInferredYear(month, day, h, min, s, nanos, zone, referenceMs);
        return ts == null ? rejected("impossible date in syslog timestamp") : hostAndTag(ts, m.group(10));
    }

    /** An RFC 3339 time; with a context, a time without offset is read in the region zone. */
    private static Long isoTime(String text, ParseContext ctx) {
        Long fast = LogTime.rfc3339(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            if (ctx == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(text).atZone(ctx.zone()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** {@code host tag[pid]: msg} or, from devices that leave the host out, {@code tag[pid]: msg}. */
    static SyslogEnvelope hostAndTag(long ts, String rest) {
        int sp = rest.indexOf(' ');
        String first = sp < 0 ? rest : rest.substring(0, sp);
        if (first.endsWith(":") || first.endsWith("]")) {
            return withTag(ts, null, rest);
        }
        String afterHost = sp < 0 ? "" : rest.substring(sp + 1);
        int sp2 = afterHost.indexOf(' ');
        String second = sp2 < 0 ? afterHost : afterHost.substring(0, sp2);
        if (second.endsWith(":")) {
            return withTag(ts, first, afterHost);
        }
        return new SyslogEnvelope(ts, first, null, afterHost, null);
    }

    static SyslogEnvelope withTag(long ts, String host, String rest) {
        int colon = rest.indexOf(": ");
        String tagText = colon < 0 ? (rest.endsWith(":") ? rest.substring(0, rest.length() - 1) : null)
                : rest.substring(0, colon);
        if (tagText == null || tagText.indexOf(' ') >= 0) {
            return new SyslogEnvelope(ts, host, null, rest, null);
        }
        int bracket = tagText.indexOf('[');
        String tag = bracket >= 0 ? tagText.substring(0, bracket) : tagText;
        String msg = colon < 0 ? "" : rest.substring(colon + 2);
        return new SyslogEnvelope(ts, host, tag, msg, null);
    }

    private static boolean priorityOutOfRange(String pri) {
        return pri != null && Integer.parseInt(pri) > 191;
    }

    /** Returns the MSG part after STRUCTURED-DATA ({@code -} or one or more {@code [...]}), BOM removed. */
    static String stripStructuredData(String rest) {
        String msg;
        if (rest.startsWith("-")) {
            msg = rest.substring(1);
        } else if (rest.startsWith("[")) {
            int i = 0;
            while (i < rest.length() && rest.charAt(i) == '[') {
                i++;
                while (i < rest.length() && rest.charAt(i) != ']') {
                    if (rest.charAt(i) == '\\') {
                        i++;
                    } else if (rest.charAt(i) == '"') {
                        i++;
                        while (i < rest.length() && rest.charAt(i) != '"') {
                            i += rest.charAt(i) == '\\' ? 2 : 1;
                        }
                    }
                    i++;
                }
                if (i >= rest.length()) {
                    return null;
                }
                i++;
            }
            msg = rest.substring(i);
        } else {
            return null;
        }
        if (msg.startsWith(" ")) {
            msg = msg.substring(1);
        }
        return msg.startsWith("\uFEFF") ? msg.substring(1) : msg;
    }
}
