package jp.tabiji.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadSimulatorTest {
    @TempDir
    Path dir;

    private WorkloadSimulator.Options options(long seed) {
        return new WorkloadSimulator.Options(2, 300, seed, LocalDate.of(2026, 11, 2), ZoneId.of("Asia/Tokyo"),
                PseudonymPeriod.MONTH);
    }

    @Test
    void isDeterministicForASeed() throws Exception {
        new WorkloadSimulator().write(options(5), dir.resolve("a"));
        new WorkloadSimulator().write(options(5), dir.resolve("b"));
        new WorkloadSimulator().write(options(6), dir.resolve("c"));
        for (String f : List.of("hostapd.log", "portal.jsonl", "truth.json")) {
            assertThat(Files.readString(dir.resolve("a").resolve(f))).isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("a/hostapd.log"))).isNotEqualTo(Files.readString(dir.resolve("c/hostapd.log")));
    }

    @Test
    void writesARealisticWorkload() throws Exception {
        new WorkloadSimulator().write(options(9), dir);
        ApRegistry registry = ApRegistry.load(dir.resolve("registry.csv"));
        assertThat(registry.sites()).hasSizeGreaterThanOrEqualTo(12).containsKeys("sendai-station", "matsushima", "zuiganji");
        List<String> lines = Files.readAllLines(dir.resolve("hostapd.log"));
        // early-morning visits: local 06:00-09:00 is the previous UTC date
        assertThat(lines).anyMatch(l -> l.contains("T0") && l.contains("+09:00") && l.matches(".*T0[6-8]:.*"));
        assertThat(lines).anyMatch(l -> l.contains(WorkloadSimulator.UNREGISTERED_AP));
        long randomMacs = lines.stream().filter(l -> l.contains("AP-STA-CONNECTED")).count();
        assertThat(randomMacs).isGreaterThan(100);
        assertThat(Files.readString(dir.resolve("truth.json"))).contains("visitorsBySiteDayLang").contains("zh-Hant")
                .contains("unknown");
    }

    @Test
    void anEventCrowdAddsItsDevicesToTheEventsSitesAndDaysAndChangesNoUsualVisitor() throws Exception {
        EventCrowd crowd = EventCrowd.parse("祭り:2026-11-03/2026-11-03:matsushima,shiogama:40:zuiganji");
        new WorkloadSimulator().write(options(5), dir.resolve("usual"));
        new WorkloadSimulator().write(options(5).withCrowds(List.of(crowd)), dir.resolve("event"));
        Map<String, Integer> usual = siteDays(dir.resolve("usual"));
        Map<String, Integer> event = siteDays(dir.resolve("event"));
        JsonNode injected = new ObjectMapper().readTree(dir.resolve("event/truth.json").toFile()).get("eventCrowds")
                .get(0);
        assertThat(injected.get("name").asText()).isEqualTo("祭り");
        Map<String, Integer> added = new HashMap<>();
        injected.get("addedBySiteDay").forEach(d -> added.put(d.get("site_id").asText() + "|" + d.get("day").asText(),
                d.get("visitors").asInt()));
        // every crowd device is one device of the pipeline (no rotation here): exactly 40 per site and day
        assertThat(added).isEqualTo(Map.of("matsushima|2026-11-03", 40, "shiogama|2026-11-03", 40));
        event.forEach((key, n) -> {
            int extra = added.getOrDefault(key, 0);
            if (key.startsWith("zuiganji|2026-11-03")) {
                // half the crowd goes on to the next site, which is no site of the event
                assertThat(n - usual.getOrDefault(key, 0)).isBetween(25, 55);
            } else {
                assertThat(n).as(key).isEqualTo(usual.getOrDefault(key, 0) + extra);
            }
        });
    }

    @Test
    void anEventCrowdSpecNamesWhatIsWrong() {
        assertThatThrownBy(() -> EventCrowd.parse("x:2026-11-03:matsushima:40")).hasMessageContaining("NAME:FROM/TO");
        assertThatThrownBy(() -> EventCrowd.parse("x:2026-11-03/2026-11-02:matsushima:40"))
                .hasMessageContaining("in order");
        assertThatThrownBy(() -> EventCrowd.parse("x:2026-11-03/2026-11-03:atlantis:40"))
                .hasMessageContaining("atlantis");
        assertThatThrownBy(() -> EventCrowd.parse("x:2026-11-03/2026-11-03:matsushima:many"))
                .hasMessageContaining("whole number");
    }

    private static Map<String, Integer> siteDays(Path sim) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        new ObjectMapper().readTree(sim.resolve("truth.json").toFile()).get("visitorsBySiteDay").forEach(d ->
                out.put(d.get("site_id").asText() + "|" + d.get("day").asText(), d.get("visitors").asInt()));
        return out;
    }
}
