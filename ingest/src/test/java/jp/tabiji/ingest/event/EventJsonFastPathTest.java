package jp.tabiji.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

class EventJsonFastPathTest {
    private final EventJsonFastPath fast = new EventJsonFastPath();
    private final WifiEventCodec codec = new WifiEventCodec();

    @Property(tries = 2000)
    void readsWhatTheEncoderWritesOrLeavesItToTheParser(@ForAll @Size(max = 20) String apId,
                                                       @ForAll @WithNull @Size(max = 20) String ssid,
                                                       @ForAll @WithNull Long bytesIn, @ForAll long ts,
                                                       @ForAll boolean random, @ForAll EventType type) {
        WifiEvent e = new WifiEvent(ts, apId, "site-1", "ae52f210edac386e", random, type, null, "radius");
        e.ssid = ssid;
        e.bytesIn = bytesIn;
        byte[] bytes = codec.encode(e);
        WifiEvent read = fast.read(bytes);
        if (read != null) {
            assertThat(read).isEqualTo(e);
            assertThat(read.ssid).isEqualTo(ssid);
            assertThat(read.bytesIn).isEqualTo(bytesIn);
        }
        boolean plain = isPlainAscii(apId) && isPlainAscii(ssid) && fitsDigits(ts)
                && (bytesIn == null || fitsDigits(bytesIn));
        assertThat(read != null).as("taken by the fast path").isEqualTo(plain);
    }

    @Test
    void everyOtherLayoutGoesToTheParserAndReadsTheSame() {
        WifiEvent e = new WifiEvent(1793668502000L, "sendai-ap01", "site-1", "ae52f210edac386e", true,
                EventType.LOGIN, "zh-Hant", "portal");
        e.bytesIn = 12L;
        String json = new String(codec.encode(e), StandardCharsets.UTF_8);
        for (String other : new String[] {json.replace(",", ", "), json.replace("{\"v\":1,", "{") + "",
                json.replace("\"v\":1,\"ts\":1793668502000", "\"ts\":1793668502000,\"v\":1"),
                json.replace("sendai-ap01", "sendai\\u002dap01"), json.replace("}", ",\"extra\":[1,2]}")}) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.read(bytes)).as(other).isNull();
            assertThat(codec.decode(bytes)).as(other).isEqualTo(e);
        }
    }

    @Test
    void refusalsStayTheParsersWithItsMessages() {
        byte[] newer = "{\"v\":2,\"ts\":1,\"deviceId\":\"d\",\"type\":\"LOGIN\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(fast.read(newer)).isNull();
        assertThatThrownBy(() -> codec.decode(newer)).hasMessageContaining("unknown event schema version 2");
        WifiEvent noDevice = new WifiEvent(1, "ap", "site", null, false, EventType.LOGIN, null, "portal");
        byte[] bytes = codec.encode(noDevice);
        assertThat(fast.read(bytes)).isNull();
        assertThatThrownBy(() -> codec.decode(bytes)).hasMessageContaining("lacks deviceId");
        byte[] noAp = codec.encode(new WifiEvent(1, null, "site", "d", false, EventType.LOGIN, null, "portal"));
        assertThat(fast.read(noAp)).isNull();
        assertThatThrownBy(() -> codec.decode(noAp)).hasMessageContaining("lacks apId");
        byte[] truncated = java.util.Arrays.copyOf(codec.encode(new WifiEvent(1, "ap", "site", "d", false,
                EventType.LOGIN, null, "portal")), 40);
        assertThat(fast.read(truncated)).isNull();
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }

    /** At most 18 digits: longer numbers are left to the parser, which checks them for overflow. */
    private static boolean fitsDigits(long v) {
        return v > -1_000_000_000_000_000_000L && v < 1_000_000_000_000_000_000L;
    }

    private static boolean isPlainAscii(String s) {
        return s == null || s.chars().allMatch(c -> c >= 0x20 && c < 0x80 && c != '"' && c != '\\');
    }
}
