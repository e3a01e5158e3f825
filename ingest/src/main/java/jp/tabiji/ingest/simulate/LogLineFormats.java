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

    private final ZoneId zone;

    LogLineFormats(ZoneId zone) {
        this.zone = zone;
    }

    String hostapd(SimEvent e) {
        int style = Math.floorMod(e.apId().hashCode(), 7);
        // a few APs log in UTC, the rest in local time
        ZoneId tz = style == 6 ? ZoneOffset.UTC : zone;
        String what = e.kind() == SimEvent.Kind.CONNECT ? "AP-STA-CONNECTED" : "AP-STA-DISCONNECTED";
        String iface = style % 2 == 0 ? "wlan0" : "wlan1-1";
        return "<30>1 " + SYSLOG_TS.format(Instant.ofEpochMilli(e.ts()).atZone(tz)) + " " + e.apId()
                + " hostapd - - - " + iface + ": " + what + " " + spell(e.device().mac(), style);
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
