package jp.tabiji.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * FreeRADIUS's login results, from its own {@code radius.log} ({@code Tue Nov  3 10:15:02 2026 : Auth: (12) Login
 * incorrect (...): [user] (from client ap-01 port 0 cli 06-FC-E4-4A-E5-05)}) or through syslog (tag
 * {@code radiusd}): {@code Login OK} becomes LOGIN and {@code Login incorrect} LOGIN_FAILED, at the AP the RADIUS
 * client (the NAS) is named after. The user name is read past, never kept. Other messages are skipped.
 */
final class RadiusAuthMessages {
    static final String SOURCE = "radius";
    private static final Pattern LOG_LINE = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4}) : (\\w+): (.*)", Pattern.DOTALL);
    private static final Pattern LOGIN = Pattern.compile(
            "(?:\\(\\d+\\) )?Login (OK|incorrect)\\b.*\\(from client (\\S+) port \\S+(?: cli (\\S+?))?(?: via [^)]*)?\\)\\s*",
            Pattern.DOTALL);

    private RadiusAuthMessages() {
    }

    /** A line of FreeRADIUS's own log file (ctime, then " : Level: message"). */
    static boolean isRadiusLog(String line) {
        return line.length() > 30 && line.charAt(3) == ' ' && line.charAt(7) == ' '
                && (line.startsWith(" : ", 24) || line.startsWith(" : ", 25)) && LOG_LINE.matcher(line).matches();
    }

    static boolean isRadiusTag(String tag) {
        return "radiusd".equals(tag) || "freeradius".equals(tag);
    }

    static ParseResult parseLogLine(String line, ParseContext ctx) {
        Matcher m = LOG_LINE.matcher(line);
        if (!m.matches() || LogTime.month(m.group(1)) == 0) {
            return ParseResult.rejected("FreeRADIUS log line without a readable time");
        }
        if (!m.group(7).equals("Auth")) {
            return ParseResult.skipped("FreeRADIUS " + m.group(7) + " message, not a login result");
        }
        long ts = LogTime.at(Integer.parseInt(m.group(6)), LogTime.month(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0,
                ctx.zone());
        return parseMessage(ts, m.group(8));
    }

    static ParseResult parseMessage(long ts, String message) {
        Matcher m = LOGIN.matcher(message);
        if (!m.matches()) {
            return ParseResult.skipped("FreeRADIUS message is no login result");
        }
        if (m.group(3) == null) {
            return ParseResult.rejected("RADIUS login result names no client MAC (cli)");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(m.group(3));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("bad client MAC address");
        }
        EventType type = m.group(1).equals("OK") ? EventType.LOGIN : EventType.LOGIN_FAILED;
        return ParseResult.parsed(ClientEvent.of(ts, m.group(2), mac, type, null, SOURCE));
    }
}
