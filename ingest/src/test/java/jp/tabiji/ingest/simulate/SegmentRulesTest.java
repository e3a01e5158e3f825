package jp.tabiji.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment rules of docs/SEGMENTS.md against who the model's people really are, over a simulated month with
 * all four kinds of people and the hard cases: the confusion matrix, precision and recall per segment.
 */
class SegmentRulesTest {
    @TempDir
    Path dir;

    private static final WorkloadSimulator.Population MONTH_OF_PEOPLE = new WorkloadSimulator.Population(300, 150, 300,
            200);

    @Test
    void theRulesFindWhoPeopleAreOnASimulatedMonth() throws Exception {
        Map<String, double[]> pr = precisionAndRecall(month(MONTH_OF_PEOPLE).get("segmentConfusion"));
        assertThat(pr.get("visitor")[0]).as("tourist precision").isGreaterThanOrEqualTo(0.90);
        assertThat(pr.get("visitor")[1]).as("tourist recall").isGreaterThanOrEqualTo(0.90);
        assertThat(pr.get("commuter")[1]).as("commuter recall").isGreaterThanOrEqualTo(0.85);
        assertThat(pr.get("staff")[1]).as("staff recall").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void theRulesFareAlikeAtStationsOnsenAndSights() throws Exception {
        JsonNode byKind = month(MONTH_OF_PEOPLE.withRotation(0.02, 0.005)).get("segmentConfusionBySiteKind");
        for (String kind : List.of("hub", "lodging", "sight")) {
            System.out.println("devices seen at a " + kind + " site:");
            Map<String, double[]> pr = precisionAndRecall(byKind.get(kind));
            // the onsen guests and long stays are tourists wherever they are seen
            assertThat(pr.get("visitor")[1]).as(kind + ": tourist recall").isGreaterThanOrEqualTo(0.90);
        }
    }

    @Test
    void phonesThatRotateTheirAddressAreSeveralDevicesOfOnePerson() throws Exception {
        // a twentieth of the private-address phones take a new address daily, one in a hundred on each connection
        JsonNode truth = month(MONTH_OF_PEOPLE.withRotation(0.05, 0.01));
        int devices = 0;
        int people = 0;
        for (JsonNode site : truth.get("devicesAndPeopleBySite")) {
            devices += site.get("devices").asInt();
            people += site.get("people").asInt();
            assertThat(site.get("devices").asInt()).isGreaterThanOrEqualTo(site.get("people").asInt());
        }
        System.out.printf("over the month, the sites' visitors: %,d devices, %,d people (%.1f %% more devices)%n",
                devices, people, 100.0 * (devices - people) / people);
        assertThat(devices).as("rotation makes more devices than people").isGreaterThan(people);
        precisionAndRecall(truth.get("segmentConfusion")); // printed: what rotation does to the rules, by device
        precisionAndRecall(truth.get("segmentConfusionByPerson")); // and by person
    }

    /**
     * RESEARCH.md: iOS 14+ and Android 10+ keep one private address per network; Windows can re-randomize daily, and a
     * new address per connection happens in special cases only. So: 2 % of the private-address phones daily, 0.5 %
     * on every connection. The targets hold per person (each person in a period weighs 1, shared among the devices
     * it became): a device count cannot tell one person's addresses apart, so by device the people who rotate
     * weigh as often as they rotate.
     */
    @Test
    void withRealisticRotationTheRulesStillFindWhoPeopleAre() throws Exception {
        JsonNode truth = month(MONTH_OF_PEOPLE.withRotation(0.02, 0.005));
        System.out.println("realistic rotation, by device:");
        precisionAndRecall(truth.get("segmentConfusion"));
        System.out.println("realistic rotation, by person:");
        Map<String, double[]> pr = precisionAndRecall(truth.get("segmentConfusionByPerson"));
        assertThat(pr.get("visitor")[0]).as("tourist precision").isGreaterThanOrEqualTo(0.90);
        assertThat(pr.get("visitor")[1]).as("tourist recall").isGreaterThanOrEqualTo(0.90);
        assertThat(pr.get("commuter")[1]).as("commuter recall").isGreaterThanOrEqualTo(0.85);
        assertThat(pr.get("staff")[1]).as("staff recall").isGreaterThanOrEqualTo(0.85);
    }

    private JsonNode month(WorkloadSimulator.Population population) throws Exception {
        WorkloadSimulator.Options o = new WorkloadSimulator.Options(30, 2000, 7, LocalDate.of(2026, 11, 1),
                ZoneId.of("Asia/Tokyo"), PseudonymPeriod.MONTH).withPopulation(population);
        Path out = java.nio.file.Files.createTempDirectory(dir, "month");
        new WorkloadSimulator().write(o, out);
        return new ObjectMapper().readTree(out.resolve("truth.json").toFile());
    }

    /** Prints the confusion matrix (devices of each persona by the rules' segment); per segment {precision, recall}. */
    private static Map<String, double[]> precisionAndRecall(JsonNode confusion) {
        List<String> segments = List.of("visitor", "commuter", "staff", "resident");
        System.out.println("segment rules vs true class (rows: persona, columns: the rules' segment)");
        System.out.printf("%-10s %9s %9s %9s %9s%n", "", "visitor", "commuter", "staff", "resident");
        for (Persona p : Persona.values()) {
            JsonNode row = confusion.path(p.name().toLowerCase(Locale.ROOT));
            Object[] cells = java.util.stream.Stream.concat(java.util.stream.Stream.of(p.segment()),
                    segments.stream().map(s -> row.path(s).asDouble())).toArray();
            System.out.printf(Locale.ROOT, "%-10s %9.1f %9.1f %9.1f %9.1f%n", cells);
        }
        Map<String, double[]> pr = new java.util.LinkedHashMap<>();
        for (String s : segments) {
            Persona truth = Persona.values()[segments.indexOf(s)]; // the same order as the segments
            double tp = confusion.path(truth.name().toLowerCase(Locale.ROOT)).path(s).asDouble();
            double predicted = 0;
            double actual = 0;
            for (Persona p : Persona.values()) {
                predicted += confusion.path(p.name().toLowerCase(Locale.ROOT)).path(s).asDouble();
            }
            for (String t : segments) {
                actual += confusion.path(truth.name().toLowerCase(Locale.ROOT)).path(t).asDouble();
            }
            pr.put(s, new double[] {tp / predicted, tp / actual});
            System.out.printf(Locale.ROOT, "%-9s precision %.3f recall %.3f%n", s, tp / predicted, tp / actual);
        }
        return pr;
    }

    @Test
    void twoHourWindowsCoverMorningAndEveningButNotAScatteredDay() {
        assertThat(SegmentRules.windows(List.of(430, 470, 500, 1060, 1100))).isEqualTo(2);
        assertThat(SegmentRules.windows(List.of(430, 700, 1000))).isEqualTo(3);
        assertThat(SegmentRules.windows(List.of())).isZero();
    }
}
