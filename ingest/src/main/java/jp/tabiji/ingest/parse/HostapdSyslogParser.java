package jp.tabiji.ingest.parse;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * hostapd messages carried in RFC 5424 syslog; the AP is the syslog HOSTNAME:
 * {@code <30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05}.
 */
public final class HostapdSyslogParser {
    public static final String SOURCE = "hostapd";

    /** PRI, VERSION, TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID; structured data and message follow. */
    private static final Pattern HEADER = Pattern.compile(
            "<(\\d{1,3})>(\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (.*)", Pattern.DOTALL);
    private static final Pattern STA_EVENT = Pattern.compile(
            "(?:(\\S+): )?AP-STA-(CONNECTED|DISCONNECTED) (\\S+)(?: .*)?", Pattern.DOTALL);

    public ParseResult parse(String line) {
        Matcher h = HEADER.matcher(line);
        if (!h.matches()) {
            return ParseResult.rejected("not an RFC 5424 syslog line");
        }
        if (Integer.parseInt(h.group(1)) > 191) {
            return ParseResult.rejected("syslog priority out of range");
        }
        String host = h.group(4);
        String app = h.group(5);
        String message = stripStructuredData(h.group(8));
        if (message == null) {
            return ParseResult.rejected("malformed syslog structured data");
        }
        if (!app.equals("hostapd")) {
            return ParseResult.skipped("syslog from " + app + ", not hostapd");
        }
        if (h.group(3).equals("-")) {
            return ParseResult.rejected("syslog line has no timestamp");
        }
        long ts;
        try {
            ts = OffsetDateTime.parse(h.group(3)).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return ParseResult.rejected("bad syslog timestamp");
        }
        if (host.equals("-")) {
            return ParseResult.rejected("syslog line names no host (AP)");
        }
        Matcher m = STA_EVENT.matcher(message);
        if (!m.matches()) {
            return ParseResult.skipped("hostapd message is no client association event");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(m.group(3));
        } catch (IllegalArgumentException e) {
            return ParseResult.rejected("bad client MAC address");
        }
        EventType type = m.group(2).equals("CONNECTED") ? EventType.CONNECT : EventType.DISCONNECT;
        return new ParseResult.Parsed(ClientEvent.of(ts, host, mac, type, null, SOURCE));
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
