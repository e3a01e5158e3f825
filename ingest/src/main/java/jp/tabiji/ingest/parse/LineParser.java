package jp.tabiji.ingest.parse;

import java.time.ZoneId;

/**
 * Reads one single-line record: a portal JSON login, a syslog line (hostapd, Cisco, Aruba, FreeRADIUS, in any of
 * the envelopes {@link SyslogEnvelope} knows) or a line of FreeRADIUS's own radius.log. Multi-line and stateful formats are {@link RecordDecoder}'s.
 */
public final class LineParser {
    private final ParseContext ctx;
    private final PortalLoginParser portal;

    public LineParser(ParseContext ctx) {
        this.ctx = ctx;
        this.portal = new PortalLoginParser(ctx.zone());
    }

    public LineParser(ZoneId zone) {
        this(ParseContext.of(zone));
    }

    /** Parses with the current time as the reference for times logged without a year. */
    public ParseResult parse(String line) {
        return parse(line, System.currentTimeMillis());
    }

    public ParseResult parse(String line, long referenceMs) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (s.isBlank()) {
            return ParseResult.skipped("blank line");
        }
        ParseResult bad = unreadable(s);
        return bad != null ? bad : parseReadable(s, referenceMs);
    }

    /** Why a line cannot be read at all (invalid UTF-8, NUL bytes), or null if it can. */
    static ParseResult unreadable(String s) {
        if (s.indexOf('\uFFFD') >= 0) {
            return ParseResult.rejected("line is not valid UTF-8");
        }
        if (s.indexOf('\0') >= 0) {
            return ParseResult.rejected("line contains NUL bytes");
        }
        return null;
    }

    /** A non-blank line already checked by {@link #unreadable}: portal JSON or syslog. */
    ParseResult parseReadable(String s, long referenceMs) {
        return s.charAt(0) == '{' ? portal.parse(s) : parseSyslog(s, referenceMs);
    }

    public ParseResult parsePortal(String line) {
        return portal.parse(line);
    }

    /** A syslog line, or a Cisco controller line (which carries its own header before the mnemonic). */
    public ParseResult parseSyslog(String s, long referenceMs) {
        if (s.charAt(0) != '<' && RadiusAuthMessages.isRadiusLog(s)) {
            return RadiusAuthMessages.parseLogLine(s, ctx);
        }
        SyslogEnvelope env = SyslogEnvelope.parse(s, ctx, referenceMs);
        if (s.indexOf('%') >= 0 && CiscoMessages.looksLikeCisco(s)) {
            return CiscoMessages.parse(s, env.reject() == null ? env : null, ctx, referenceMs);
        }
        if (env.reject() != null) {
            return ParseResult.rejected(env.reject().equals("not a syslog line") ? "unrecognised log format"
                    : env.reject());
        }
        String host = env.host() != null ? env.host() : ctx.defaultAp();
        String tag = env.tag();
        if ("hostapd".equals(tag)) {
            return HostapdMessages.parse(env.ts(), host, env.message());
        }
        if (RadiusAuthMessages.isRadiusTag(tag)) {
            return RadiusAuthMessages.parseMessage(env.ts(), env.message());
        }
        if (ArubaMessages.isAruba(tag, env.message())) {
            return ArubaMessages.parse(env, ctx);
        }
        if (tag != null && HostapdMessages.looksLikeHostapd(tag + ": " + env.message())) {
            return HostapdMessages.parse(env.ts(), host, tag + ": " + env.message());
        }
        if (HostapdMessages.looksLikeHostapd(env.message())) {
            return HostapdMessages.parse(env.ts(), host, env.message());
        }
        return ParseResult.skipped("syslog from " + (tag == null ? "an unnamed program" : tag)
                + ", not a Wi-Fi client source");
    }
}
