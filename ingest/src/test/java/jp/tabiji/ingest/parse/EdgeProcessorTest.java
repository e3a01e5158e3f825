package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.privacy.MacAddress;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.ApRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeProcessorTest {
    @TempDir
    Path dir;

    private EdgeProcessor edge(OptOutList optOut) {
        return new EdgeProcessor(new EventNormalizer(ApRegistry.empty(), new Pseudonymizer(
                "tabiji-test-secret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, ZoneId.of("Asia/Tokyo"))),
                optOut);
    }

    private static ParseResult connect(String mac) {
        return new ParseResult.Parsed(ClientEvent.of(1793668502000L, "ap", MacAddress.parse(mac), EventType.CONNECT,
                null, "hostapd"));
    }

    @Test
    void optedOutDevicesAreDroppedInAnySpelling() throws IOException {
        Path list = dir.resolve("opt-out.txt");
        Files.write(list, List.of("# asked 2026-11-01", "06-FC-E4-4A-E5-05", "", "5ccf.7f94.f623  # Cisco style"));
        OptOutList optOut = OptOutList.load(list);
        assertThat(optOut.size()).isEqualTo(2);
        EdgeProcessor e = edge(optOut);
        assertThat(e.process(connect("06:fc:e4:4a:e5:05"))).isInstanceOf(EdgeProcessor.OptedOut.class);
        assertThat(e.process(connect("5C:CF:7F:94:F6:23"))).isInstanceOf(EdgeProcessor.OptedOut.class);
        EdgeProcessor.Outcome kept = e.process(connect("06:fc:e4:4a:e5:06"));
        assertThat(kept).isInstanceOf(EdgeProcessor.Event.class);
        assertThat(((EdgeProcessor.Event) kept).event().randomMac).isTrue();
    }

    @Test
    void aBadOptOutLineFailsTheLoadWithoutRepeatingIt() throws IOException {
        Path list = dir.resolve("bad.txt");
        Files.write(list, List.of("06:fc:e4:4a:e5:05", "06:fc:e4:4a:e5:zz"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptOutList.load(list))
                .hasMessageContaining(":2:").hasMessageNotContaining("06:fc");
    }

    @Test
    void theListIsKeptOnlyAsKeyedHashes() throws IOException {
        Path list = dir.resolve("opt-out.txt");
        Files.write(list, List.of("06:fc:e4:4a:e5:05"));
        OptOutList optOut = OptOutList.load(list);
        // no field of the loaded list holds the address in any spelling
        for (java.lang.reflect.Field f : OptOutList.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object v;
            try {
                v = f.get(optOut);
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
            assertThat(String.valueOf(v)).doesNotContain("06:fc:e4", "06fce4");
        }
    }
}
