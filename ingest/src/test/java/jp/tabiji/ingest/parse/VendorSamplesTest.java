package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.replay.LogFileStream;
import jp.tabiji.ingest.replay.LogRecord;
import org.junit.jupiter.api.Test;

/** Each vendor format's samples (src/test/resources/samples) parse to the right type, AP, time and pseudonym. */
class VendorSamplesTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** DESIGN.md's vectors: secret tabiji-test-secret, period 2026-11. */
    static final String PHONE = "ae52f210edac386e";
    static final String LAPTOP = "81fdaa9e7edcb500";
    static final long REFERENCE = ms("2026-11-29T12:00:00+09:00");
    static final ApRegistry REGISTRY = ApRegistry.parse(List.of(
            "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
            "sendai-ap01,00:1a:1e:01:01:10,sendai-station,仙台駅,Sendai Station,Sendai,38.26,140.88",
            "matsushima-ap01,00:1a:1e:02:01:10,matsushima,松島,Matsushima,Matsushima,38.37,141.06"), "test");

    /** What each record of a sample file became. */
    static List<EdgeProcessor.Outcome> read(String sample, LogFormat format, String defaultAp) throws IOException {
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(REGISTRY, new Pseudonymizer(
                "tabiji-test-secret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, TOKYO)),
                OptOutList.empty());
        List<EdgeProcessor.Outcome> out = new ArrayList<>();
        InputStream in = VendorSamplesTest.class.getResourceAsStream("/samples/" + sample);
        try (LogFileStream s = new LogFileStream(sample, in, new RecordDecoder(format, new ParseContext(TOKYO,
                defaultAp)), 8192, REFERENCE)) {
            for (LogRecord r = s.next(); r != null; r = s.next()) {
                out.add(edge.process(r.result()));
            }
        }
        return out;
    }

    static List<EdgeProcessor.Outcome> read(String sample) throws IOException {
        return read(sample, LogFormat.AUTO, null);
    }

    static WifiEvent event(EdgeProcessor.Outcome o) {
        assertThat(o).isInstanceOf(EdgeProcessor.Event.class);
        return ((EdgeProcessor.Event) o).event();
    }

    static long ms(String isoTime) {
        return OffsetDateTime.parse(isoTime).toInstant().toEpochMilli();
    }

    static void assertEvent(EdgeProcessor.Outcome o, EventType type, String apId, String siteId, String time,
                            String deviceId) {
        WifiEvent e = event(o);
        assertThat(e.type).isEqualTo(type);
        assertThat(e.apId).isEqualTo(apId);
        assertThat(e.siteId).isEqualTo(siteId);
        assertThat(e.ts).isEqualTo(ms(time));
        if (deviceId != null) {
            assertThat(e.deviceId).isEqualTo(deviceId);
        }
    }

    @Test
    void hostapdRfc3164InfersTheYearAndSkipsOtherHostapdLines() throws IOException {
        List<EdgeProcessor.Outcome> o = read("hostapd-rfc3164.log");
        assertThat(o).hasSize(7);
        assertEvent(o.get(0), EventType.CONNECT, "WifiAP-01", null, "2026-08-21T04:32:18+09:00", null);
        assertThat(o.get(1)).isInstanceOf(EdgeProcessor.Skip.class); // WPA handshake
        assertThat(o.get(2)).isInstanceOf(EdgeProcessor.Skip.class); // RADIUS accounting notice
        assertEvent(o.get(3), EventType.DISCONNECT, "WifiAP-01", null, "2026-08-01T23:59:59+09:00", null);
        assertThat(o.get(4)).isInstanceOf(EdgeProcessor.Skip.class); // AP-STA-POLL-OK
        assertEvent(o.get(5), EventType.DISCONNECT, "WifiAP-01", null, "2026-08-21T04:41:00+09:00", null);
        assertThat(event(o.get(5)).deviceId).isEqualTo(event(o.get(0)).deviceId);
        assertThat(event(o.get(0)).randomMac).isTrue();
        assertThat(event(o.get(3)).randomMac).isFalse();
        assertThat(o.get(6)).isInstanceOf(EdgeProcessor.Skip.class); // dnsmasq
    }

    @Test
    void openWrtLogreadTakesTheApFromTheSource() throws IOException {
        List<EdgeProcessor.Outcome> withAp = read("openwrt-logread.log", LogFormat.AUTO, "matsushima-ap01");
        assertEvent(withAp.get(0), EventType.DISCONNECT, "matsushima-ap01", "matsushima", "2017-10-16T22:05:04+09:00",
                null);
        assertThat(withAp.get(1)).isInstanceOf(EdgeProcessor.Skip.class);
        assertEvent(withAp.get(2), EventType.CONNECT, "matsushima-ap01", "matsushima", "2017-10-16T22:05:09+09:00",
                null);
        assertThat(withAp.subList(3, 5)).allMatch(EdgeProcessor.Skip.class::isInstance);
        List<EdgeProcessor.Outcome> without = read("openwrt-logread.log", LogFormat.LOGREAD, null);
        assertThat(((EdgeProcessor.Reject) without.get(0)).reason()).contains("--ap");
    }

    @Test
    void freeRadiusLoginResultsFromItsLogAndFromSyslog() throws IOException {
        List<EdgeProcessor.Outcome> o = read("freeradius-radius.log");
        assertThat(o).hasSize(7);
        assertThat(o.get(0)).isInstanceOf(EdgeProcessor.Skip.class); // Info: not a login
        assertEvent(o.get(1), EventType.LOGIN, "sendai-ap01", "sendai-station", "2026-11-03T10:15:03+09:00", PHONE);
        assertEvent(o.get(2), EventType.LOGIN_FAILED, "matsushima-ap01", "matsushima", "2026-11-03T10:16:10+09:00",
                LAPTOP);
        assertEvent(o.get(3), EventType.LOGIN_FAILED, "matsushima-ap01", "matsushima", "2026-11-03T10:16:40+09:00",
                LAPTOP); // through a TLS tunnel
        assertThat(((EdgeProcessor.Reject) o.get(4)).reason()).contains("cli");
        assertEvent(o.get(5), EventType.LOGIN_FAILED, "sendai-ap01", "sendai-station", "2026-11-03T10:18:00+09:00",
                PHONE);
        assertThat(event(o.get(5)).source).isEqualTo("radius");
        assertThat(o.get(6)).isInstanceOf(EdgeProcessor.Skip.class); // the reply notice
    }

    @Test
    void ciscoAireOsAndControllerOnlyMessages() throws IOException {
        List<EdgeProcessor.Outcome> o = read("cisco-aireos.log");
        assertEvent(o.get(0), EventType.CONNECT, "sendai-ap01", "sendai-station", "2026-11-03T10:15:02.123+09:00",
                PHONE);
        assertThat(event(o.get(0)).ssid).isEqualTo("Miyagi_Free_Wi-Fi");
        assertEvent(o.get(1), EventType.DISCONNECT, "sendai-ap01", "sendai-station", "2026-11-03T10:45:02.123+09:00",
                PHONE);
        // only the controller is named: kept as the AP, with no site
        assertEvent(o.get(2), EventType.DISCONNECT, "wlc-sendai", null, "2026-11-03T10:50:00.001+09:00", PHONE);
        assertEvent(o.get(3), EventType.LOGIN_FAILED, "wlc-sendai", null, "2026-11-03T10:51:00+09:00", LAPTOP);
        assertThat(o.get(4)).isInstanceOf(EdgeProcessor.Skip.class);
    }

    @Test
    void cisco9800DottedMacsApNamesAndFailures() throws IOException {
        List<EdgeProcessor.Outcome> o = read("cisco-9800.log", LogFormat.AUTO, "wlc9800");
        assertEvent(o.get(0), EventType.CONNECT, "wlc9800", null, "2026-11-03T10:18:33.637+09:00", PHONE);
        assertEvent(o.get(1), EventType.CONNECT, "matsushima-ap01", "matsushima", "2026-11-03T10:19:00+09:00", LAPTOP);
        assertEvent(o.get(2), EventType.LOGIN_FAILED, "wlc9800", null, "2026-11-03T10:20:00+09:00", PHONE);
        assertEvent(o.get(3), EventType.LOGIN_FAILED, "wlc9800", null, "2026-11-03T10:21:00+09:00", PHONE);
        assertEvent(o.get(4), EventType.DISCONNECT, "matsushima-ap01", "matsushima", "2026-11-03T10:22:00+09:00",
                PHONE);
        assertThat(o.get(5)).isInstanceOf(EdgeProcessor.Skip.class);
    }

    @Test
    void arubaStmResolvesTheApByNameOrBssid() throws IOException {
        List<EdgeProcessor.Outcome> o = read("aruba-stm.log");
        assertEvent(o.get(0), EventType.CONNECT, "sendai-ap01", "sendai-station", "2026-11-03T10:15:02+09:00", PHONE);
        assertThat(o.get(1)).isInstanceOf(EdgeProcessor.Skip.class); // assoc request
        assertEvent(o.get(2), EventType.DISCONNECT, "sendai-ap01", "sendai-station", "2026-11-03T10:40:00+09:00",
                PHONE);
        // unknown AP name, unknown BSSID: kept under its name, no site
        assertEvent(o.get(3), EventType.DISCONNECT, "unregistered-ap", null, "2026-11-03T10:41:00+09:00", LAPTOP);
        assertThat(o.get(4)).isInstanceOf(EdgeProcessor.Skip.class);
    }

    @Test
    void freeRadiusDetailRecords() throws IOException {
        List<EdgeProcessor.Outcome> o = read("detail-20261103");
        assertThat(o).hasSize(5);
        // Called-Station-Id is a per-radio BSSID (…:11) of sendai-ap01 (…:10)
        assertEvent(o.get(0), EventType.ACCT_START, "sendai-ap01", "sendai-station", "2026-11-03T10:15:02+09:00", PHONE);
        assertThat(event(o.get(0)).ssid).isEqualTo("Miyagi_Free_Wi-Fi");
        WifiEvent interim = event(o.get(1));
        assertEvent(o.get(1), EventType.ACCT_INTERIM, "sendai-ap01", "sendai-station", "2026-11-03T10:30:02+09:00",
                PHONE);
        assertThat(interim.bytesIn).isEqualTo(123456L);
        assertThat(interim.bytesOut).isEqualTo(654321L);
        assertThat(interim.sessionSeconds).isEqualTo(900L);
        // no Event-Timestamp: the header's time; Gigawords count 2^32 octets
        assertEvent(o.get(2), EventType.ACCT_STOP, "sendai-ap01", "sendai-station", "2026-11-03T10:45:02+09:00", PHONE);
        assertThat(event(o.get(2)).bytesIn).isEqualTo((1L << 32) + 500);
        assertThat(o.get(3)).isInstanceOf(EdgeProcessor.Skip.class); // Accounting-On
        assertThat(((EdgeProcessor.Reject) o.get(4)).reason()).contains("Calling-Station-Id");
    }

    @Test
    void portalCsvWithAHeader() throws IOException {
        List<EdgeProcessor.Outcome> o = read("portal.csv");
        assertThat(o.get(0)).isInstanceOf(EdgeProcessor.Skip.class);
        assertEvent(o.get(1), EventType.LOGIN, "sendai-ap01", "sendai-station", "2026-11-03T10:15:30+09:00", PHONE);
        assertThat(event(o.get(1)).lang).isEqualTo("zh-Hant");
        assertEvent(o.get(2), EventType.LOGIN_FAILED, "sendai-ap01", "sendai-station", "2026-11-03T10:16:00+09:00",
                LAPTOP);
        assertThat(event(o.get(3)).ts).isEqualTo(1793668600000L);
        assertThat(event(o.get(3)).lang).isEqualTo("ko");
        assertThat(o.get(4)).isInstanceOf(EdgeProcessor.Reject.class);
        assertThat(o.get(5)).isInstanceOf(EdgeProcessor.Skip.class); // logout
    }
}
