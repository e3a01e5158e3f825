package jp.tabiji.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * Aruba AOS 8 {@code stm} (station management) and {@code authmgr} messages, e.g.
 * {@code stm[3526]: <501100> <NOTI> |stm|  Assoc success @ 11:42:29.083420: 70:3e:ac:4a:e5:05: AP
 * 10.1.1.10-ac:a3:1e:c8:1f:40-sendai-ap01}. Association success → CONNECT; deauth, disassociation and ageout →
 * DISCONNECT; user authentication failures → LOGIN_FAILED; everything else from these daemons is skipped. The AP
 * is named in the message as {@code IP-BSSID-NAME}: the name is tried first, then the BSSID.
 */
final class ArubaMessages {
    static final String SOURCE = "aruba";
    private static final String MAC = "[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}";
    private static final Pattern AP = Pattern.compile(
            "\\bAP (?:(?:\\d{1,3}\\.){3}\\d{1,3}-)?(" + MAC + ")-(\\S+)|\\bAP (?:(?:\\d{1,3}\\.){3}\\d{1,3}-)?"
                    + "([A-Za-z][\\w.-]*)");
    private static final Pattern CLIENT = Pattern.compile("(?<![0-9A-Fa-f:-])(" + MAC + ")(?![0-9A-Fa-f:-]?[0-9A-Fa-f])");
    private static final Pattern CONNECT = Pattern.compile("(?i)\\b(?:re)?assoc(?:iation)? success");
    private static final Pattern DISCONNECT = Pattern.compile("(?i)\\b(?:deauth|disassoc)\\w* (?:to|from) sta\\b"
            + "|\\bageout\\b");
    private static final Pattern FAILURE = Pattern.compile("(?i)\\bauthentication (?:failed|failure)|\\bauth fail");

    private ArubaMessages() {
    }

    static boolean isAruba(String tag, String message) {
        return "stm".equals(tag) || "authmgr".equals(tag) || message.contains("|stm|") || message.contains("|authmgr|");
    }

    static ParseResult parse(SyslogEnvelope env, ParseContext ctx) {
        String msg = env.message();
        EventType type = FAILURE.matcher(msg).find() ? EventType.LOGIN_FAILED
                : DISCONNECT.matcher(msg).find() ? EventType.DISCONNECT
                : CONNECT.matcher(msg).find() ? EventType.CONNECT : null;
        if (type == null) {
            return ParseResult.skipped("Aruba message is no client event");
        }
        Matcher ap = AP.matcher(msg);
        String apName = null;
        String bssid = null;
        int apStart = msg.length();
        if (ap.find()) {
            apStart = ap.start();
            bssid = ap.group(1);
            apName = ap.group(2) != null ? ap.group(2) : ap.group(3);
        }
        MacAddress client = null;
        Matcher c = CLIENT.matcher(msg);
        while (client == null && c.find() && c.start() < apStart) {
            client = MacAddress.parse(c.group(1));
        }
        if (client == null) {
            return ParseResult.rejected("Aruba client message without a client MAC");
        }
        String controller = env.host() != null ? env.host() : ctx.defaultAp();
        String ref = apName != null ? apName : bssid != null ? bssid : controller;
        if (ref == null) {
            return ParseResult.rejected("Aruba message names neither AP nor controller (give the source --ap ID)");
        }
        String alt = apName != null ? bssid : null;
        return ParseResult.parsed(ClientEvent.of(env.ts(), ref, alt, client, type, SOURCE));
    }
}
