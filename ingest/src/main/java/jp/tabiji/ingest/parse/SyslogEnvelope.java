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

    /** True if the line starts like one of the syslog spellings above (used by format detection). */
    static boolean looksLikeSyslog(String line) {
        return RFC5424.matcher(line).lookingAt() || RFC3164.matcher(line).matches()
                || RFC3339_FILE.matcher(line).matches() || LOGREAD.matcher(line).matches();
    }

    static SyslogEnvelope parse(String line, ParseContext ctx, long referenceMs) {
        SyslogEnvelope fast = rfc5424Fast(line);
        if (fast != null) {
            return fast;
        }
        Matcher m = RFC5424.matcher(line);
        if (m.matches()) {
            return rfc5424(m);
        }
        SyslogEnvelope openwrt = logreadFast(line, ctx);
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
        SyslogEnvelope bsd = rfc3164Fast(line, ctx, referenceMs);
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

    /**
     * The common RFC 5424 shape read by hand: {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}. Returns null
     * for anything unusual, which the regular expressions then read (or reject) the slow way.
     */
    private static SyslogEnvelope rfc5424Fast(String line) {
        int n = line.length();
        if (n < 16 || line.charAt(0) != '<') {
            return null;
        }
        int gt = line.indexOf('>', 1);
        if (gt < 2 || gt > 4 || line.charAt(gt + 1) != '1' || line.charAt(gt + 2) != ' ') {
            return null;
        }
        int pri = 0;
        for (int i = 1; i < gt; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            pri = pri * 10 + (c - '0');
        }
        if (pri > 191) {
            return null;
        }
        int[] sp = new int[5];
        int from = gt + 3;
        for (int k = 0; k < 5; k++) {
            int i = line.indexOf(' ', from);
            if (i < 0 || i == from) {
                return null;
            }
            sp[k] = i;
            from = i + 1;
        }
        Long ts = LogTime.rfc3339(line.substring(gt + 3, sp[0]));
        if (ts == null) {
            return null;
        }
        String host = line.substring(sp[0] + 1, sp[1]);
        String app = line.substring(sp[1] + 1, sp[2]);
        String message = stripStructuredData(line.substring(sp[4] + 1));
        if (message == null) {
            return null;
        }
        return new SyslogEnvelope(ts, host.equals("-") ? null : host, app.equals("-") ? null : app, message, null);
    }

    /**
     * The common RFC 3164 shape read by hand: {@code [<PRI>]Mmm dd HH:MM:SS [YYYY ]rest}. Null for anything else
     * (fractions, zones, odd spacing), which the regular expression then reads.
     */
    private static SyslogEnvelope rfc3164Fast(String line, ParseContext ctx, long referenceMs) {
        int i = 0;
        if (line.startsWith("<")) {
            int gt = line.indexOf('>');
            if (gt < 2 || gt > 4 || number(line, 1, gt) < 0 || number(line, 1, gt) > 191) {
                return null;
            }
            i = gt + 1;
        }
        long[] ts = new long[1];
        int rest = timeAndRest(line, i, false, ctx, referenceMs, ts);
        return rest == -1 ? null : rest == -2 ? rejected("impossible date in syslog timestamp")
                : hostAndTag(ts[0], line.substring(rest));
    }

    /** OpenWrt logread by hand: {@code Www Mmm dd HH:MM:SS YYYY facility.level tag: msg}; null if not that shape. */
    private static SyslogEnvelope logreadFast(String line, ParseContext ctx) {
        if (line.length() < 30 || line.charAt(3) != ' ' || !Character.isLetter(line.charAt(0))) {
            return null;
        }
        long[] ts = new long[1];
        int rest = timeAndRest(line, 4, true, ctx, 0, ts);
        if (rest < 0) {
            return rest == -2 ? rejected("impossible date in logread line") : null;
        }
        int sp = line.indexOf(' ', rest);
        if (sp < 0 || line.lastIndexOf('.', sp) < rest) {
            return null;
        }
        return withTag(ts[0], null, line.substring(sp + 1));
    }

    /**
     * Reads {@code Mmm dd HH:MM:SS [YYYY ]} at {@code i} into {@code ts[0]}; returns where the rest starts, -1 if
     * the text has another shape, -2 if the date does not exist.
     */
    private static int timeAndRest(String line, int i, boolean yearRequired, ParseContext ctx, long referenceMs,
                                   long[] ts) {
        if (line.length() < i + 17 || line.charAt(i + 3) != ' ') {
            return -1;
        }
        int month = LogTime.month(line.substring(i, i + 3));
        int d = i + 4;
        if (line.charAt(d) == ' ') {
            d++;
        }
        int dayEnd = line.indexOf(' ', d);
        if (month < 0 || dayEnd < 0 || dayEnd - d < 1 || dayEnd - d > 2 || line.length() < dayEnd + 10
                || line.charAt(dayEnd + 3) != ':' || line.charAt(dayEnd + 6) != ':' || line.charAt(dayEnd + 9) != ' ') {
            return -1;
        }
        int day = number(line, d, dayEnd);
        int h = number(line, dayEnd + 1, dayEnd + 3);
        int min = number(line, dayEnd + 4, dayEnd + 6);
        int sec = number(line, dayEnd + 7, dayEnd + 9);
        if ((day | h | min | sec) < 0 || h > 23 || min > 59 || sec > 59) {
            return -1;
        }
        int rest = dayEnd + 10;
        boolean hasYear = line.length() > rest + 5 && line.charAt(rest + 4) == ' ' && number(line, rest, rest + 4) >= 0;
        if (yearRequired && !hasYear) {
            return -1;
        }
        Long t;
        if (hasYear) {
            t = LogTime.at(number(line, rest, rest + 4), month, day, h, min, sec, 0, ctx.zone());
            rest += 5;
        } else {
            t = LogTime.withInferredYear(month, day, h, min, sec, 0, ctx.zone(), referenceMs);
        }
        if (t == null) {
            return -2;
        }
        ts[0] = t;
        return rest;
    }

    /** The number written in {@code s[from, to)} (digits only), or -1. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return to > from ? v : -1;
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
    private static SyslogEnvelope hostAndTag(long ts, String rest) {
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

    private static SyslogEnvelope withTag(long ts, String host, String rest) {
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
