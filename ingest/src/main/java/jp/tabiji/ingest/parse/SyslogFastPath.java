package jp.tabiji.ingest.parse;

/**
 * The common syslog header shapes read by hand, without regular expressions or java.time's parser: this is
 * the hottest code of ingest. Each method returns null for any other shape, which {@link SyslogEnvelope}'s
 * regular expressions then read (or reject) the slow way, so both paths accept the same lines.
 */
final class SyslogFastPath {
    private SyslogFastPath() {
    }

    /**
     * The common RFC 5424 shape read by hand: {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}. Returns null
     * for anything unusual, which the regular expressions then read (or reject) the slow way.
     */
    static SyslogEnvelope rfc5424(String line) {
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
        String message = SyslogEnvelope.stripStructuredData(line.substring(sp[4] + 1));
        if (message == null) {
            return null;
        }
        return new SyslogEnvelope(ts, host.equals("-") ? null : host, app.equals("-") ? null : app, message, null);
    }

    /**
     * The common RFC 3164 shape read by hand: {@code [<PRI>]Mmm dd HH:MM:SS [YYYY ]rest}. Null for anything else
     * (fractions, zones, odd spacing), which the regular expression then reads.
     */
    static SyslogEnvelope rfc3164(String line, ParseContext ctx, long referenceMs) {
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
        return rest == -1 ? null : rest == -2 ? SyslogEnvelope.rejected("impossible date in syslog timestamp")
                : SyslogEnvelope.hostAndTag(ts[0], line.substring(rest));
    }

    /** OpenWrt logread by hand: {@code Www Mmm dd HH:MM:SS YYYY facility.level tag: msg}; null if not that shape. */
    static SyslogEnvelope logread(String line, ParseContext ctx) {
        if (line.length() < 30 || line.charAt(3) != ' ' || !Character.isLetter(line.charAt(0))) {
            return null;
        }
        long[] ts = new long[1];
        int rest = timeAndRest(line, 4, true, ctx, 0, ts);
        if (rest < 0) {
            return rest == -2 ? SyslogEnvelope.rejected("impossible date in logread line") : null;
        }
        int sp = line.indexOf(' ', rest);
        if (sp < 0 || line.lastIndexOf('.', sp) < rest) {
            return null;
        }
        return SyslogEnvelope.withTag(ts[0], null, line.substring(sp + 1));
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
}
