package jp.tabiji.ingest.parse;

import java.util.List;
import java.util.Locale;

/** The input formats, for {@code --format}; AUTO detects the format of each line or record. */
public enum LogFormat {
    AUTO("auto"),
    SYSLOG("syslog", "hostapd", "cisco", "aruba", "rfc3164", "rfc5424"),
    LOGREAD("logread", "openwrt"),
    PORTAL_JSON("portal-json", "portal", "json"),
    PORTAL_CSV("portal-csv", "csv"),
    RADIUS_DETAIL("radius-detail", "radius", "detail");

    private final String name;
    private final List<String> aliases;

    LogFormat(String name, String... aliases) {
        this.name = name;
        this.aliases = List.of(aliases);
    }

    public String displayName() {
        return name;
    }

    public static LogFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (LogFormat f : values()) {
            if (f.name.equals(t) || f.aliases.contains(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "': use auto, syslog (hostapd, cisco, aruba), "
                + "logread, portal-json, portal-csv or radius-detail");
    }
}
