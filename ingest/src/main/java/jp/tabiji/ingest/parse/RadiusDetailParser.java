package jp.tabiji.ingest.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * One record of a FreeRADIUS {@code detail} file: a ctime header line ({@code Mon Oct 16 22:05:04 2017}, region
 * zone) and tab-indented {@code Attribute = value} lines, ended by a blank line. Accounting Start,
 * Interim-Update and Stop become ACCT_* events: the client from Calling-Station-Id, the AP from
 * Called-Station-Id ({@code AP-MAC:SSID}, RFC 3580) and else NAS-Identifier, the time from Event-Timestamp and
 * else the header, with session time and octets (Gigawords included).
 */
final class RadiusDetailParser {
    static final String SOURCE = "radius";
    private static final Pattern HEADER = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})\\s*");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([A-Za-z0-9][\\w.:-]*)\\s+[+:]?=\\s?(.*)");
    private static final Pattern EVENT_TIME = Pattern.compile(
            "([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?: (\\S+))?");

    private RadiusDetailParser() {
    }

    static boolean isHeader(String line) {
        // cheap shape test first: this runs on every line when the format is detected
        int n = line.length();
        return n >= 24 && n <= 30 && line.charAt(3) == ' ' && line.charAt(7) == ' ' && HEADER.matcher(line).matches();
    }

    static boolean isAttribute(String line) {
        return !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && ATTRIBUTE.matcher(line).matches();
    }

    static ParseResult parse(String header, List<String> attributeLines, ParseContext ctx) {
        Matcher h = HEADER.matcher(header);
        Long headerTs = null;
        if (h.matches() && LogTime.month(h.group(1)) > 0) {
            headerTs = LogTime.at(Integer.parseInt(h.group(6)), LogTime.month(h.group(1)), Integer.parseInt(h.group(2)),
                    Integer.parseInt(h.group(3)), Integer.parseInt(h.group(4)), Integer.parseInt(h.group(5)), 0,
                    ctx.zone());
        }
        Map<String, String> a = new HashMap<>();
        for (String line : attributeLines) {
            Matcher m = ATTRIBUTE.matcher(line);
            if (m.matches()) {
                a.put(m.group(1).toLowerCase(Locale.ROOT), unquote(m.group(2).trim()));
            }
        }
        String status = a.get("acct-status-type");
        if (status == null) {
            return ParseResult.skipped("RADIUS record is no accounting record");
        }
        EventType type = switch (status.toLowerCase(Locale.ROOT)) {
            case "start", "1" -> EventType.ACCT_START;
            case "interim-update", "alive", "3" -> EventType.ACCT_INTERIM;
            case "stop", "2" -> EventType.ACCT_STOP;
            default -> null;
        };
        if (type == null) {
            return ParseResult.skipped("RADIUS Acct-Status-Type " + status + " concerns no client");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(a.get("calling-station-id"));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("missing or bad Calling-Station-Id");
        }
        Long ts = eventTime(a.get("event-timestamp"), ctx);
        if (ts == null) {
            ts = headerTs;
        }
        if (ts == null) {
            return ParseResult.rejected("RADIUS record without a readable time");
        }
        String[] called = calledStation(a.get("called-station-id"));
        String nasId = blankToNull(a.get("nas-identifier"));
        String ap = called[0] != null ? called[0] : nasId != null ? nasId : ctx.defaultAp();
        if (ap == null) {
            return ParseResult.rejected("RADIUS record names no AP (Called-Station-Id or NAS-Identifier)");
        }
        String alt = called[0] != null ? nasId : null;
        try {
            return ParseResult.parsed(new ClientEvent(ts, ap, alt, mac, type, null, called[1],
                    octets(a, "acct-input-octets", "acct-input-gigawords"),
                    octets(a, "acct-output-octets", "acct-output-gigawords"), number(a.get("acct-session-time")),
                    SOURCE));
        } catch (NumberFormatException e) {
            return ParseResult.rejected("bad RADIUS counter value");
        }
    }

    /** {@code 00-1A-1E-01-02-10:SSID} → {mac, ssid}; a value that starts with no MAC → {null, null}. */
    static String[] calledStation(String value) {
        if (value == null) {
            return new String[2];
        }
        String v = value.trim();
        for (int len : new int[] {17, 14, 12}) {
            if (v.length() >= len && (v.length() == len || v.charAt(len) == ':')) {
                String mac = MacAddress.canonicalOrNull(v.substring(0, len));
                if (mac != null) {
                    return new String[] {mac, v.length() > len + 1 ? v.substring(len + 1) : null};
                }
            }
        }
        return new String[2];
    }

    private static Long eventTime(String v, ParseContext ctx) {
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 12) {
            return Long.parseLong(v) * 1000;
        }
        Matcher m = EVENT_TIME.matcher(v);
        if (!m.matches() || LogTime.month(m.group(1)) < 0) {
            return null;
        }
        return LogTime.at(Integer.parseInt(m.group(3)), LogTime.month(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 0,
                LogTime.zone(m.group(7), ctx.zone()));
    }

    private static Long octets(Map<String, String> a, String low, String giga) {
        Long lo = number(a.get(low));
        Long hi = number(a.get(giga));
        if (lo == null && hi == null) {
            return null;
        }
        return (hi == null ? 0 : hi << 32) + (lo == null ? 0 : lo);
    }

    private static Long number(String v) {
        return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
