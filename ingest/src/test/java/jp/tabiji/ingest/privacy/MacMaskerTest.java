package jp.tabiji.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every spelling of a MAC that vendors, portals and people write, anywhere in a line, leaves the masker masked. */
class MacMaskerTest {

    /** The spellings of one address: what controllers, hostapd, RADIUS, portal URLs and JSON write. */
    static List<String> spellings(byte[] mac) {
        String hex = HexFormat.of().formatHex(mac);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 12; i += 2) {
            pairs.add(hex.substring(i, i + 2));
        }
        String colon = String.join(":", pairs);
        String quads = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
        List<String> out = new ArrayList<>(List.of(
                colon, colon.toUpperCase(Locale.ROOT), String.join("-", pairs), String.join("-", pairs).toUpperCase(),
                String.join(".", pairs), quads, quads.replace('.', '-'), quads.replace('.', ':'),
                hex.substring(0, 6) + "-" + hex.substring(6), hex, hex.toUpperCase(Locale.ROOT), "0x" + hex,
                "0X" + hex.toUpperCase(Locale.ROOT), "0x" + String.join(":0x", pairs),
                String.join("%3A", pairs), String.join("%3a", pairs), String.join("%253A", pairs),
                String.join("%2D", pairs), quads.replace(".", "%2D"), String.join("\\u003a", pairs),
                // one-digit groups, as some tools print them (6:fc:e4:4a:e5:5)
                pairs.stream().map(p -> p.startsWith("0") ? p.substring(1) : p).reduce((a, b) -> a + ":" + b)
                        .orElseThrow()));
        return out;
    }

    /** What may stand around an address in a line. */
    static final List<String[]> CONTEXTS = List.of(
            new String[] {"AP-STA-CONNECTED ", " end"}, new String[] {"user:", ""}, new String[] {"client-", " x"},
            new String[] {"cli:", ";"}, new String[] {"sta", "ok"}, new String[] {"{\"mac\":\"", "\",\"n\":1}"},
            new String[] {"GET /portal?mac=", "&lang=ja HTTP/1.1"}, new String[] {"(", ")"},
            new String[] {"Calling-Station-Id = \"", "\""}, new String[] {"", ""}, new String[] {"ab:", ":cd"},
            new String[] {"12.", "."}, new String[] {"mac=", "ZZ"}, new String[] {"<", ">"});

    @Test
    void masksEverySpellingInEveryContext() {
        byte[] mac = HexFormat.of().parseHex("06fce44ae505");
        for (String spelling : spellings(mac)) {
            for (String[] around : CONTEXTS) {
                String line = around[0] + spelling + around[1];
                String masked = MacMasker.mask(line);
                assertThat(hexDigits(masked)).as(line + " -> " + masked).doesNotContain("fce44ae5");
                assertThat(masked).contains(MacMasker.MASK);
            }
        }
    }

    @Test
    void theReviewersSpellingsAreMasked() {
        for (String line : List.of("user:06:fc:e4:4a:e5:05", "client-16:fc:e4:4a:e5:05", "cli:02-A1-B2-C3-D4-E5",
                "huawei 26fc-e44a-e505", "GET /p?mac=06%3Afc%3Ae4%3A4a%3Ae5%3A05", "{\"m\":\"06%3afc%3ae4%3a4a%3ae5%3a05\"}",
                "sta 0x06fce44ae505", "0X06FCE44AE505", "cisco 0000.0000.0000")) {
            assertThat(MacMasker.mask(line)).as(line).contains(MacMasker.MASK);
            assertThat(MacMasker.containsMacLike(MacMasker.mask(line))).isFalse();
        }
    }

    @Test
    void leavesTimesDatesIdsAndAddressesOfHostsAlone() {
        for (String line : List.of("Event-Timestamp 2026-11-29T15:47:50 at 10:15:02.123",
                "device ae52f210edac386e", "from 192.168.10.20:8080 and 10.0.0.1:53", "ts=1764400000000",
                "version 2.2.0", "took 12.5 ms at 2026-12-03 12:43:40")) {
            assertThat(MacMasker.mask(line)).isEqualTo(line);
        }
    }

    @Test
    void damagedAddressesAreMaskedWhole() {
        assertThat(MacMasker.mask("AP-STA-CONNECTED 02:00:00:00:00:zz end"))
                .isEqualTo("AP-STA-CONNECTED xx:xx:xx:xx:xx:xx end");
        assertThat(MacMasker.mask("x 02:a1:b2:c3:d4 y")).isEqualTo("x xx:xx:xx:xx:xx:xx y");
    }

    @Test
    void aHostileLineCostsOnePass() {
        // separators that never settle into a MAC: each restart at a later group would make this quadratic
        String line = "1:1-".repeat(2000) + "abc." .repeat(500);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            MacMasker.mask(line);
        }
        // generous: a quadratic scan of this line takes seconds; one pass takes well under a millisecond
        assertThat((System.nanoTime() - t0) / 20 / 1_000_000.0).isLessThan(50.0);
    }

    @Property(tries = 2000)
    void noGeneratedAddressSurvivesAnywhereInALine(@ForAll @Size(6) byte[] mac, @ForAll("spellingIndex") int which,
                                                   @ForAll("text") String before, @ForAll("joiner") String join1,
                                                   @ForAll("joiner") String join2, @ForAll("text") String after) {
        List<String> all = spellings(mac);
        String spelling = all.get(which % all.size());
        String line = before + join1 + spelling + join2 + after;
        String masked = MacMasker.mask(line);
        String hex = HexFormat.of().formatHex(mac);
        // the address's middle eight digits, however separated, are gone (the text around it is random, so only a
        // leaked address puts them there)
        assertThat(hexDigits(masked)).as(line + " -> " + masked).doesNotContain(hex.substring(2, 10));
    }

    @Provide
    Arbitrary<Integer> spellingIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
    }

    /**
     * How the address meets the text around it: any punctuation or space, a separator, or a letter that is not a
     * hex digit. (Glued to four or more hex digits, a bare twelve-digit address is a longer hex token, such as the
     * sixteen-digit device id, and is not masked.)
     */
    @Provide
    Arbitrary<String> joiner() {
        return Arbitraries.of(" ", ":", "-", ".", "=", "\"", "/", ",", "(", "g", "x", "%20", "&mac=", "\t");
    }

    private static String hexDigits(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }
}
