package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.ingest.privacy.MacAddress;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.ApRegistry;
import org.junit.jupiter.api.Test;

class EventNormalizerTest {
    private final ApRegistry registry = ApRegistry.parse(List.of(
            "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
            "sendai-ap01,00:1a:1e:01:01:10,sendai-station,仙台駅,Sendai Station,Sendai,38.26,140.88"), "test");
    private final EventNormalizer normalizer = new EventNormalizer(registry, new Pseudonymizer(
            "tabiji-test-secret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, ZoneId.of("Asia/Tokyo")));
    private static final long NOV_3 = 1793668502000L; // 2026-11-03 in Tokyo

    private WifiEvent normalize(String apRef, String lang) {
        return normalizer.normalize(new ClientEvent(NOV_3, apRef, null, MacAddress.parse("06:fc:e4:4a:e5:05"),
                EventType.LOGIN, lang, null, null, null, null, "portal"));
    }

    @Test
    void resolvesTheApByIdBaseMacOrBssidAndPseudonymizes() {
        for (String ref : new String[] {"sendai-ap01", "SENDAI-AP01", "00:1A:1E:01:01:10", "00-1a-1e-01-01-13"}) {
            WifiEvent e = normalize(ref, "zh-TW");
            assertThat(e.apId).isEqualTo("sendai-ap01");
            assertThat(e.siteId).isEqualTo("sendai-station");
            assertThat(e.deviceId).isEqualTo("ae52f210edac386e");
            assertThat(e.randomMac).isTrue();
            assertThat(e.lang).isEqualTo("zh-Hant");
        }
    }

    @Test
    void keepsUnknownApsWithoutASite() {
        WifiEvent e = normalize("lobby-ap9", null);
        assertThat(e.siteId).isNull();
        assertThat(e.apId).isEqualTo("lobby-ap9");
        assertThat(e.lang).isNull();
    }

    @Test
    void encodedEventsCarryNoMacAndRoundTrip() {
        WifiEvent e = normalize("sendai-ap01", "en-US");
        byte[] bytes = new WifiEventCodec().encode(e);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"v\":1").doesNotContain("06:fc").doesNotContain("06fc");
        assertThat(new WifiEventCodec().decode(bytes)).isEqualTo(e);
    }
}
