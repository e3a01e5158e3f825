package jp.tabiji.ingest.parse;

import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;

/**
 * Cisco AireOS WLC and Catalyst 9800 client messages, e.g.
 * {@code *apfMsConnTask_0: Mar 24 10:18:33.637: %APF-3-AUTHENTICATION_TRAP: ... Client Authenticated: MACAddress:...}
 * or {@code 2055: Mar 24 10:18:33.637: %CLIENT_ORCH_LOG-6-CLIENT_ADDED_TO_RUN_STATE: Chassis 1 R0/0: wncd:
 * Username entry (u) joined with ssid (s) for device with MAC: aabb.ccdd.1234}. Run state / association → CONNECT,
 * deletion / deauthentication / disassociation → DISCONNECT, authentication or authorization failure →
 * LOGIN_FAILED; other mnemonics are skipped. The AP comes from the message (AP name, else AP or radio MAC); a
 * message that names only the controller keeps the controller as its AP, which the registry does not know.
 */
final class CiscoMessages {
    static final String SOURCE = "cisco";
    static final Pattern MNEMONIC = Pattern.compile("%([A-Z][A-Z0-9_]*+)-([0-7])-([A-Z0-9_]++): ?");
    private static final Pattern DEVICE_TIME = Pattern.compile(
            "\\*?([A-Za-z]{3}) {1,2}(\\d{1,2})(?: (\\d{4}))? (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
                    + "(?: ([A-Z]{2,5}))?: ?$");
    private static final String MAC = "[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}"
            + "\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12}";
    private static final Pattern AP_NAME = Pattern.compile(
            "(?i)\\bAP[ _-]?name\\s*+(?:\\(([^)\\s]++)\\)|[:=]\\s*+([^,;\\s)]++))");
    private static final Pattern AP_MAC = Pattern.compile(
            "(?i)(?:Base Radio MAC|AP[ _-]?MAC|BSSID(?::MAC)?|Radio MAC)\\s*+(?:[:=]\\s*+)?\\(?(" + MAC + ")");
    private static final Pattern CLIENT_MAC = Pattern.compile(
            "(?i)(?:device with MAC|MACAddress|Client MAC|client|mobile|station|STA)\\s*+(?:[:=]\\s*+)?\\(?(" + MAC + ")"
                    + "(?![0-9A-Fa-f])");
    private static final Pattern ANY_MAC = Pattern.compile("(?<![0-9A-Fa-f:.-])(" + MAC + ")(?![0-9A-Fa-f])");
    private static final Pattern FAILURE = Pattern.compile("(?i)\\b(?:authentication|authorization|auth)\\s++"
            + "(?:failed|failure)");
    private static final Pattern DISCONNECT = Pattern.compile("(?i)\\bclient\\s++(?:deauthenticated|disassociated|"
            + "deleted)|\\bdeleted\\b");
    private static final Pattern CONNECT = Pattern.compile("(?i)\\bclient\\s++(?:associated|association|"
            + "authenticated)\\b|\\bjoined with ssid\\b|\\bmoved to run state\\b");
    private static final Pattern SSID = Pattern.compile("(?i)\\bssid\\s*+(?:\\(([^)]*+)\\)|:\\s*+(\\S++))");
    // possessive runs and a word start: a hostile 8 KB prefix is read once, not once per character
    private static final Pattern CONTROLLER = Pattern.compile(
            "(?:<\\d{1,3}>)?(?:\\d++: )?(?<![\\w.-])([A-Za-z][\\w.-]*+): ");

    private CiscoMessages() {
    }

    static boolean looksLikeCisco(String line) {
        return MNEMONIC.matcher(line).find();
    }

    /**
     * @param line the whole line (the device's own timestamp and name precede the mnemonic)
     * @param envelope the syslog header a relay put in front, or null
     */
    static ParseResult parse(String line, SyslogEnvelope envelope, ParseContext ctx, long referenceMs) {
        Matcher mn = MNEMONIC.matcher(line);
        if (!mn.find()) {
            return ParseResult.rejected("no Cisco message mnemonic");
        }
        String mnemonic = mn.group(1) + "-" + mn.group(2) + "-" + mn.group(3);
        String prefix = line.substring(0, mn.start());
        String body = line.substring(mn.end());
        EventType type = type(mn.group(3), body);
        if (type == null) {
            return ParseResult.skipped("Cisco " + mnemonic + " is no client event");
        }
        Long ts = deviceTime(prefix, ctx.zone(), referenceMs);
        if (ts == null && envelope != null) {
            ts = envelope.ts();
        }
        if (ts == null) {
            return ParseResult.rejected("Cisco message without a readable timestamp");
        }
        String apName = group(AP_NAME.matcher(body));
        String apMac = group(AP_MAC.matcher(body));
        MacAddress client = clientMac(body, apMac == null ? null : MacAddress.canonicalOrNull(apMac));
        if (client == null) {
            // e.g. AireOS "Username entry (x) created for mobile, length = 5": about a client, but not which one
            return ParseResult.skipped("Cisco " + mnemonic + " names no client MAC");
        }
        String controller = envelope != null && envelope.host() != null ? envelope.host() : controller(prefix);
        String ap = apName != null ? apName : apMac != null ? apMac : controller != null ? controller : ctx.defaultAp();
        if (ap == null) {
            return ParseResult.rejected("Cisco message names neither AP nor controller (give the source --ap ID)");
        }
        String alt = apName != null ? apMac : null;
        String ssid = group(SSID.matcher(body));
        return ParseResult.parsed(new ClientEvent(ts, ap, alt, client, type, null, ssid, null, null, null, SOURCE));
    }

    private static EventType type(String mnemonic, String body) {
        String m = mnemonic.toUpperCase(Locale.ROOT);
        if (m.equals("FAIL") || m.endsWith("_FAIL") || m.contains("AUTHFAIL") || FAILURE.matcher(body).find()) {
            return EventType.LOGIN_FAILED;
        }
        if (m.contains("DELETE") || DISCONNECT.matcher(body).find()) {
            return EventType.DISCONNECT;
        }
        if (m.equals("CLIENT_ADDED_TO_RUN_STATE") || m.equals("USER_NAME_CREATED") || CONNECT.matcher(body).find()) {
            return EventType.CONNECT;
        }
        return null;
    }

    private static Long deviceTime(String prefix, ZoneId zone, long referenceMs) {
        Matcher t = DEVICE_TIME.matcher(prefix);
        if (!t.find()) {
            return null;
        }
        int month = LogTime.month(t.group(1));
        if (month < 0) {
            return null;
        }
        ZoneId z = LogTime.zone(t.group(8), zone);
        int day = Integer.parseInt(t.group(2));
        int h = Integer.parseInt(t.group(4));
        int min = Integer.parseInt(t.group(5));
        int s = Integer.parseInt(t.group(6));
        int nanos = LogTime.nanos(t.group(7));
        return t.group(3) != null ? LogTime.at(Integer.parseInt(t.group(3)), month, day, h, min, s, nanos, z)
                : LogTime.withInferredYear(month, day, h, min, s, nanos, z, referenceMs);
    }

    /** The MAC the message labels as the client's, else the first MAC-like token that is not the AP's. */
    private static MacAddress clientMac(String body, String apMac) {
        MacAddress labelled = firstMac(CLIENT_MAC.matcher(body), apMac);
        return labelled != null ? labelled : firstMac(ANY_MAC.matcher(body), apMac);
    }

    private static MacAddress firstMac(Matcher m, String except) {
        while (m.find()) {
            String mac = MacAddress.canonicalOrNull(m.group(1));
            if (mac != null && !mac.equals(except)) {
                return MacAddress.parse(mac);
            }
        }
        return null;
    }

    private static String controller(String prefix) {
        Matcher m = CONTROLLER.matcher(prefix);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static String group(Matcher m) {
        if (!m.find()) {
            return null;
        }
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return null;
    }
}
