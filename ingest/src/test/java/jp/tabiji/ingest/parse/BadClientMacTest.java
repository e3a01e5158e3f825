package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client MAC that cannot be a device (all zeros, broadcast, any multicast group address) is rejected with its
 * reason in every input format, in every spelling the format uses; a locally administered (randomized) MAC is
 * still a device. The vectors are the vendor samples' lines with the client MAC replaced.
 */
class BadClientMacTest {
    private static final long REFERENCE = VendorSamplesTest.ms("2026-11-29T12:00:00+09:00");

    /** Each format's line (or record), with {@code MAC} where the client MAC goes, and how it spells MACs. */
    static final List<Object[]> FORMATS = List.<Object[]>of(
            new Object[] {LogFormat.SYSLOG, "Aug 21 04:32:18 WifiAP-01 hostapd: wlan1-1: AP-STA-CONNECTED MAC", ':'},
            new Object[] {LogFormat.LOGREAD,
                    "Mon Oct 16 22:05:09 2017 daemon.notice hostapd: wlan1: AP-STA-CONNECTED MAC", ':'},
            new Object[] {LogFormat.SYSLOG, "<190>2055: Nov 3 10:18:33.637 JST: %CLIENT_ORCH_LOG-6-CLIENT_ADDED_TO_RUN_STATE:"
                    + " Chassis 1 R0/0: wncd: Username entry (guest) joined with ssid (Miyagi_Free_Wi-Fi) for device"
                    + " with MAC: MAC on channel (36)", '.'},
            new Object[] {LogFormat.SYSLOG, "<134>wlc-sendai: *apfMsConnTask_0: Nov 03 10:15:02.123:"
                    + " %APF-3-AUTHENTICATION_TRAP: apf_80211.c:21442 Client Authenticated: MACAddress:MAC"
                    + " Base Radio MAC:00:1a:1e:01:01:10 Slot:1 User Name:guest SSID:Miyagi_Free_Wi-Fi", ':'},
            new Object[] {LogFormat.SYSLOG, "Nov  3 10:15:02 2026 10.1.1.1 stm[3526]: <501100> <NOTI> |stm|  Assoc"
                    + " success @ 10:15:02.083420: MAC: AP 10.1.1.10-00:1a:1e:01:01:12-sendai-ap01", ':'},
            new Object[] {LogFormat.SYSLOG, "Tue Nov  3 10:15:03 2026 : Auth: (12) Login OK: [guest/<via Auth-Type ="
                    + " PAP>] (from client sendai-ap01 port 0 cli MAC)", '-'},
            new Object[] {LogFormat.RADIUS_DETAIL, String.join("\n", "Tue Nov  3 10:15:02 2026",
                    "\tAcct-Status-Type = Start", "\tCalling-Station-Id = \"MAC\"",
                    "\tCalled-Station-Id = \"00-1A-1E-01-01-11:Miyagi_Free_Wi-Fi\"", "\tNAS-Identifier = \"sendai-ap01\"",
                    "\tTimestamp = 1793668502", ""), '-'},
            new Object[] {LogFormat.PORTAL_JSON, "{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\","
                    + "\"mac\":\"MAC\",\"event\":\"login\",\"lang\":\"en\"}", ':'},
            new Object[] {LogFormat.PORTAL_CSV, "timestamp,ap_id,client_mac,result,accept_language,ssid\n"
                    + "2026-11-03 10:15:30,sendai-ap01,MAC,login,en,Miyagi_Free_Wi-Fi", '-'});

    static Stream<Arguments> badMacs() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] f : FORMATS) {
            out.add(Arguments.of(f[0], f[1], spell("00:00:00:00:00:00", (char) f[2]), "all zeros"));
            out.add(Arguments.of(f[0], f[1], spell("ff:ff:ff:ff:ff:ff", (char) f[2]), "broadcast"));
            out.add(Arguments.of(f[0], f[1], spell("01:00:5e:00:00:fb", (char) f[2]), "multicast"));
            out.add(Arguments.of(f[0], f[1], spell("33:33:00:00:00:01", (char) f[2]), "multicast"));
        }
        return out.stream();
    }

    static Stream<Arguments> deviceMacs() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] f : FORMATS) {
            out.add(Arguments.of(f[0], f[1], spell("06:fc:e4:4a:e5:05", (char) f[2]))); // locally administered
            out.add(Arguments.of(f[0], f[1], spell("5c:cf:7f:94:f6:23", (char) f[2]))); // globally unique
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badMacs")
    void aClientMacThatIsNoDeviceIsRejectedWithItsReason(LogFormat format, String template, String mac,
                                                         String reason) {
        ParseResult r = decodeOne(format, template.replace("MAC", mac));
        assertThat(r).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) r).reason()).contains("client MAC").contains(reason)
                .doesNotContain(mac).doesNotContainIgnoringCase(mac.replace(mac.charAt(2), ':'));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("deviceMacs")
    void randomizedAndGlobalMacsAreDevices(LogFormat format, String template, String mac) {
        ParseResult r = decodeOne(format, template.replace("MAC", mac));
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) r).event().mac().notAClientReason()).isNull();
    }

    /** The one client record the text decodes to (a CSV header or a detail record's end is no result). */
    private static ParseResult decodeOne(LogFormat format, String text) {
        RecordDecoder decoder = new RecordDecoder(format, new ParseContext(ZoneId.of("Asia/Tokyo"), "sendai-ap01"));
        List<ParseResult> results = new ArrayList<>();
        long no = 0;
        for (String line : text.split("\n", -1)) {
            decoder.accept(line, ++no, REFERENCE, d -> results.add(d.result()));
        }
        decoder.finish(d -> results.add(d.result()));
        List<ParseResult> clientRecords = results.stream()
                .filter(r -> !(r instanceof ParseResult.Skipped)).toList();
        assertThat(clientRecords).as("results of %s", results).hasSize(1);
        return clientRecords.get(0);
    }

    /** The MAC as the format writes it: colons, dashes (upper case, as RADIUS does) or Cisco's dotted groups. */
    private static String spell(String canonical, char sep) {
        String hex = canonical.replace(":", "");
        return switch (sep) {
            case '.' -> hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
            case '-' -> canonical.replace(':', '-').toUpperCase(java.util.Locale.ROOT);
            default -> canonical;
        };
    }
}
