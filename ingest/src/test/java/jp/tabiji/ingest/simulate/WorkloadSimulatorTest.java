package jp.tabiji.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
}
