package jp.tabiji.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

class WifiEventCodecTest {
    private final WifiEventCodec codec = new WifiEventCodec();

    @Property(tries = 1000)
    void anyEventSurvivesTheRoundTripAsValidJson(@ForAll @Size(max = 40) String apId,
                                                 @ForAll @WithNull @Size(max = 40) String ssid,
                                                 @ForAll @WithNull Long bytesIn, @ForAll long ts,
                                                 @ForAll boolean random) throws IOException {
        WifiEvent e = new WifiEvent(ts, apId, "site", "ae52f210edac386e", random, EventType.ACCT_STOP, null, "radius");
        e.ssid = ssid;
        e.bytesIn = bytesIn;
        byte[] bytes = codec.encode(e);
        JsonNode n = new ObjectMapper().readTree(bytes);
        assertThat(n.get("v").asInt()).isEqualTo(WifiEvent.SCHEMA_VERSION);
        WifiEvent back = codec.decode(bytes);
        // a lone surrogate cannot be written as UTF-8; everything else must come back exactly
        if (isWellFormed(apId) && isWellFormed(ssid)) {
            assertThat(back).isEqualTo(e);
            assertThat(back.ssid).isEqualTo(ssid);
            assertThat(back.bytesIn).isEqualTo(bytesIn);
        }
    }

    @Test
    void writesTheContractFieldNames() throws IOException {
        WifiEvent e = new WifiEvent(1793668502000L, "sendai-ap01", null, "ae52f210edac386e", true, EventType.LOGIN,
                "zh-Hant", "portal");
        JsonNode n = new ObjectMapper().readTree(codec.encode(e));
        assertThat(n.fieldNames()).toIterable().containsExactly("v", "ts", "apId", "siteId", "deviceId", "randomMac",
                "type", "lang", "ssid", "bytesIn", "bytesOut", "sessionSeconds", "source");
        assertThat(n.get("siteId").isNull()).isTrue();
        assertThat(n.get("lang").asText()).isEqualTo("zh-Hant");
    }

    private static boolean isWellFormed(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))) {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
