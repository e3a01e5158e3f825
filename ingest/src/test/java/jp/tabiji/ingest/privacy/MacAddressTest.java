package jp.tabiji.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void randomizedMacsAreLocallyAdministered() {
        assertThat(MacAddress.parse("06:fc:e4:4a:e5:05").isLocallyAdministered()).isTrue();
        assertThat(MacAddress.parse("5c:cf:7f:94:f6:23").isLocallyAdministered()).isFalse();
    }

    @Test
    void rejectsWithoutRepeatingTheInput() {
        assertThatThrownBy(() -> MacAddress.parse("06:fc:e4:4a:e5:zz")).hasMessageNotContaining("06:fc");
        assertThatThrownBy(() -> MacAddress.parse("06:fc:e4:4a:e5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.parse("06:fc-e4:4a:e5:05")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheAddress() {
        assertThat(MacAddress.parse("06:fc:e4:4a:e5:05").toString()).isEqualTo(MacMasker.MASK);
    }

    @Test
    void masksEverySpellingInFreeText() {
        String text = "a 06:FC:E4:4A:E5:05 b 06-fc-e4-4a-e5-05 c 06fce44ae505 d 06fc.e44a.e505 e";
        assertThat(MacMasker.mask(text)).isEqualTo("a xx:xx:xx:xx:xx:xx b xx:xx:xx:xx:xx:xx c xx:xx:xx:xx:xx:xx d "
                + "xx:xx:xx:xx:xx:xx e");
        assertThat(MacMasker.mask("device ae52f210edac386e at 10:15:02")).isEqualTo("device ae52f210edac386e at 10:15:02");
    }

    @Property
    void everyParsedMacIsMaskedInAnySpelling(@ForAll @Size(6) byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        String hex = sb.toString();
        String colon = hex.replaceAll("(..)(?!$)", "$1:");
        String canonical = MacAddress.parse(colon).canonical();
        for (String spelling : new String[] {colon.toUpperCase(), colon.replace(':', '-'), hex}) {
            assertThat(MacAddress.parse(spelling).canonical()).isEqualTo(canonical);
            assertThat(MacMasker.mask("x " + spelling + " y")).doesNotContain(spelling);
        }
    }

    @Test
    void masksDamagedAddressesToo() {
        assertThat(MacMasker.mask("AP-STA-CONNECTED 02:00:00:00:00:zz end"))
                .isEqualTo("AP-STA-CONNECTED xx:xx:xx:xx:xx:xx end");
        assertThat(MacMasker.mask("Event-Timestamp 2026-11-29T15:47:50 at 10:15:02.123"))
                .isEqualTo("Event-Timestamp 2026-11-29T15:47:50 at 10:15:02.123");
    }
}
