package jp.tabiji.ingest.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the simulated APs and portal write their lines: the spellings real devices use, varied per AP. */
final class LogLineFormats {
    private static final DateTimeFormatter SYSLOG_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter PORTAL_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final DateTimeFormatter CISCO_TS = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS", Locale.ROOT);

    private final ZoneId zone;
    private long ciscoSequence;

    LogLineFormats(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * How an AP's association events reach the logs, varied per AP: hostapd in RFC 5424 (local time, or UTC),
     * hostapd lines as rsyslog writes them to a file, or a Cisco 9800 controller's client messages.
     */
    String hostapd(SimEvent e) {
        int style = Math.floorMod(e.apId().hashCode(), 7);
        boolean connect = e.kind() == SimEvent.Kind.CONNECT;
        if (style == 4) {
            return cisco9800(e, connect);
        }
        String what = connect ? "AP-STA-CONNECTED" : "AP-STA-DISCONNECTED";
        String iface = style % 2 == 0 ? "wlan0" : "wlan1-1";
        if (style == 5) {
            return SYSLOG_TS.format(Instant.ofEpochMilli(e.ts()).atZone(zone)) + " " + e.apId() + " hostapd[812]: "
                    + iface + ": " + what + " " + spell(e.device().mac(), 1);
        }
        // a few APs log in UTC, the rest in local time
        ZoneId tz = style == 6 ? ZoneOffset.UTC : zone;
        return "<30>1 " + SYSLOG_TS.format(Instant.ofEpochMilli(e.ts()).atZone(tz)) + " " + e.apId()
                + " hostapd - - - " + iface + ": " + what + " " + spell(e.device().mac(), style);
    }

    /** A Catalyst 9800's run-state and deletion messages: no year, its own clock in UTC, dotted MACs. */
    private String cisco9800(SimEvent e, boolean connect) {
        String mac = e.device().mac().replace(":", "");
        String dotted = mac.substring(0, 4) + "." + mac.substring(4, 8) + "." + mac.substring(8);
        String head = "<190>" + (++ciscoSequence) + ": " + CISCO_TS.format(Instant.ofEpochMilli(e.ts())
                .atZone(ZoneOffset.UTC)) + " UTC: ";
        return connect
                ? head + "%CLIENT_ORCH_LOG-6-CLIENT_ADDED_TO_RUN_STATE: Chassis 1 R0/0: wncd: Username entry (guest) "
                        + "joined with ssid (Miyagi_Free_Wi-Fi) for device with AP name (" + e.apId() + ") MAC: " + dotted
                : head + "%CLIENT_ORCH_LOG-6-CLIENT_DELETED: Chassis 1 R0/0: wncd: Client (" + dotted + ") deleted "
                        + "from AP name (" + e.apId() + "), reason: Session timeout";
    }

    String portal(SimEvent e, String apRef) {
        String event = e.kind() == SimEvent.Kind.LOGIN ? "login" : "login_failed";
        return "{\"ts\":\"" + PORTAL_TS.format(Instant.ofEpochMilli(e.ts()).atZone(zone)) + "\",\"ap\":\"" + apRef
                + "\",\"mac\":\"" + spell(e.device().mac(), 2) + "\",\"event\":\"" + event + "\",\"lang\":\""
                + e.device().acceptLanguage() + "\"}";
    }

    /** MAC spellings seen in vendor logs: lower/upper case, colons, dashes, none. */
    static String spell(String mac, int style) {
        return switch (style % 4) {
            case 1 -> mac.toUpperCase(Locale.ROOT);
            case 2 -> mac.toUpperCase(Locale.ROOT).replace(':', '-');
            case 3 -> mac.replace(":", "");
            default -> mac;
        };
    }
}
