package jp.tabiji.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.simulate.MiyagiSites;

/** Realistic input for each format: varied clients and APs of the Miyagi registry, times moving forward. */
final class BenchLines {
    static final List<String> FORMATS = List.of("hostapd-rfc5424", "hostapd-rfc3164", "openwrt-logread",
            "cisco-9800", "aruba-stm", "radius-detail", "portal-json", "portal-csv");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter RFC3164 = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter LOGREAD = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);
    private static final DateTimeFormatter CISCO = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS", Locale.ROOT);

    private BenchLines() {
    }

    /** {@code records} records of one format; for portal-csv the header comes first. */
    static List<String> generate(String format, int records, long seed) {
        Random rnd = new Random(seed);
        List<AccessPoint> aps = MiyagiSites.accessPoints();
        List<String> out = new ArrayList<>();
        if (format.equals("portal-csv")) {
            out.add("ts,ap,mac,event,lang");
        }
        long ts = Instant.parse("2026-11-03T00:00:00Z").toEpochMilli();
        for (int i = 0; i < records; i++) {
            ts += rnd.nextInt(2000);
            AccessPoint ap = aps.get(rnd.nextInt(aps.size()));
            String mac = String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", rnd.nextInt(256) & 0xfe,
                    rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
            String what = rnd.nextBoolean() ? "CONNECTED" : "DISCONNECTED";
            var t = Instant.ofEpochMilli(ts).atZone(TOKYO);
            switch (format) {
                case "hostapd-rfc5424" -> out.add("<30>1 " + RFC3339.format(t) + " " + ap.apId()
                        + " hostapd - - - wlan0: AP-STA-" + what + " " + mac);
                case "hostapd-rfc3164" -> out.add(RFC3164.format(t) + " " + ap.apId() + " hostapd: wlan1-1: AP-STA-"
                        + what + " " + mac);
                case "openwrt-logread" -> out.add(LOGREAD.format(t) + " daemon.notice hostapd: wlan1: AP-STA-" + what
                        + " " + mac);
                case "cisco-9800" -> out.add("<190>" + i + ": " + CISCO.format(t) + " JST: %CLIENT_ORCH_LOG-6-"
                        + "CLIENT_ADDED_TO_RUN_STATE: Chassis 1 R0/0: wncd: Username entry (guest) joined with ssid "
                        + "(Miyagi_Free_Wi-Fi) for device with AP name (" + ap.apId() + ") MAC: "
                        + mac.replace(":", "").replaceAll("(....)(....)(....)", "$1.$2.$3"));
                case "aruba-stm" -> out.add(RFC3164.format(t) + " 2026 10.1.1.1 stm[3526]: <501100> <NOTI> |stm|  "
                        + "Assoc success @ 10:15:02.083420: " + mac + ": AP 10.1.1.10-" + ap.apMac() + "-"
                        + ap.apId());
                case "radius-detail" -> {
                    out.add(LOGREAD.format(t));
                    out.add("\tAcct-Status-Type = Interim-Update");
                    out.add("\tAcct-Session-Id = \"" + Long.toHexString(rnd.nextLong()) + "\"");
                    out.add("\tCalling-Station-Id = \"" + mac.toUpperCase(Locale.ROOT).replace(':', '-') + "\"");
                    out.add("\tCalled-Station-Id = \"" + ap.apMac().toUpperCase(Locale.ROOT).replace(':', '-')
                            + ":Miyagi_Free_Wi-Fi\"");
                    out.add("\tNAS-Identifier = \"" + ap.apId() + "\"");
                    out.add("\tAcct-Input-Octets = " + rnd.nextInt(1 << 30));
                    out.add("\tAcct-Output-Octets = " + rnd.nextInt(1 << 30));
                    out.add("\tAcct-Session-Time = " + rnd.nextInt(7200));
                    out.add("\tEvent-Timestamp = " + ts / 1000);
                    out.add("");
                }
                case "portal-json" -> out.add("{\"ts\":\"" + RFC3339.format(t) + "\",\"ap\":\"" + ap.apId()
                        + "\",\"mac\":\"" + mac + "\",\"event\":\"login\",\"lang\":\"zh-TW,zh;q=0.9,en;q=0.8\"}");
                case "portal-csv" -> out.add(RFC3339.format(t) + "," + ap.apId() + "," + mac + ",login,ko-KR");
                default -> throw new IllegalArgumentException("unknown format " + format);
            }
        }
        return out;
    }
}
