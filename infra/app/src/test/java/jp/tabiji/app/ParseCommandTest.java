package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.privacy.MacMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tabiji parse` through the CLI entry point: one JSON object per record, in order, nothing unmasked. */
class ParseCommandTest {
    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TabijiCli.run(args, Map.of("TABIJI_HOME", dir.resolve("home").toString(),
                        "TABIJI_SECRET", "tabiji-test-secret"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsEventsSkipsAndMaskedRejectionsInInputOrder() throws IOException {
        Path log = dir.resolve("mixed.log");
        Files.write(log, List.of(
                "<30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05",
                "Nov  3 10:16:00 sendai-ap01 hostapd: wlan0: STA 06:fc:e4:4a:e5:05 WPA: pairwise key handshake completed",
                "Nov  3 10:17:00 sendai-ap01 hostapd: wlan0: AP-STA-DISCONNECTED 06:fc:e4:4a:e5:zz",
                "{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"elsewhere\",\"mac\":\"06-FC-E4-4A-E5-05\",\"event\":\"login\","
                        + "\"lang\":\"zh-TW\"}"));
        Path registry = dir.resolve("registry.csv");
        Files.write(registry, List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
                "sendai-ap01,00:1a:1e:01:01:10,sendai-station,仙台駅,Sendai Station,Sendai,38.26,140.88"));
        Run r = cli("parse", log.toString(), "--registry", registry.toString(), "--reference-time",
                "2026-11-29T12:00:00+09:00");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            rows.add(json.readTree(line));
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("deviceId").asText()).isEqualTo("ae52f210edac386e");
        assertThat(rows.get(0).get("siteId").asText()).isEqualTo("sendai-station");
        assertThat(rows.get(1).get("skipped").asText()).contains("no client association");
        assertThat(rows.get(2).get("rejected").asText()).contains("MAC");
        assertThat(rows.get(2).get("line").asText()).contains(MacMasker.MASK).doesNotContain("06:fc");
        assertThat(rows.get(3).get("siteId").isNull()).as("an unknown AP is kept").isTrue();
        assertThat(rows.get(3).get("lang").asText()).isEqualTo("zh-Hant");
        assertThat(MacMasker.containsMacLike(r.out())).isFalse();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run r = cli("parse", "-", "--format", "snmp");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'snmp'");
    }
}
