package jp.tabiji.web.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.registry.Site;
import jp.tabiji.ingest.simulate.MiyagiSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapLayersTest {
    static final Path FIXTURE = Path.of("src/test/resources/geo/boundaries-fixture.geojson");
    private static final List<Site> MIYAGI = List.copyOf(
            ApRegistry.parse(MiyagiSites.registryCsv().lines().toList(), "miyagi").sites().values());

    @Test
    void landLiesUnderEverySiteOfMiyagi() {
        MapLayers map = MapLayers.around(MIYAGI, Optional.empty());
        assertThat(MIYAGI).hasSizeGreaterThan(10).allSatisfy(s ->
                assertThat(map.landUnder(s.lon(), s.lat())).as(s.siteId() + " on land").isTrue());
        // Sendai Bay, the Pacific east of Kinkasan and the Sea of Japan are water
        assertThat(map.landUnder(141.10, 38.20)).isFalse();
        assertThat(map.landUnder(141.80, 38.30)).isFalse();
        assertThat(map.landUnder(139.50, 38.50)).isFalse();
    }

    @Test
    void theLandIsCutToTheRegistrysSurroundingsAndTheViewFitsTheSites() throws Exception {
        Map<String, Object> body = MapLayers.around(MIYAGI, Optional.empty()).body();
        @SuppressWarnings("unchecked")
        List<Double> view = (List<Double>) body.get("extent");
        for (Site s : MIYAGI) {
            assertThat(s.lon()).isBetween(view.get(0), view.get(2));
            assertThat(s.lat()).isBetween(view.get(1), view.get(3));
        }
        String json = new ObjectMapper().writeValueAsString(body);
        assertThat(json.length()).as("bytes of the map").isBetween(2_000, 600_000);
        assertThat(json).contains("Natural Earth 1:10m land (world-atlas 2.0.2)", "public domain");
        assertThat(body.get("boundaries")).isNull();
        // Hokkaido (43°N) is far outside the cut
        assertThat(MapLayers.around(MIYAGI, Optional.empty()).landUnder(142.5, 43.5)).isFalse();
    }

    @Test
    void anOperatorsBoundariesAreReadByNameMergedAndCutAndTheirLicenceIsShown() throws Exception {
        MapLayers map = MapLayers.around(MIYAGI, Optional.of(new MapLayers.Boundaries(FIXTURE, "test fixture, CC0")));
        String json = new ObjectMapper().writeValueAsString(map.body());
        assertThat(json).contains("\"仙台市青葉区\"", "\"塩竈市\"", "test fixture, CC0", "boundaries-fixture.geojson")
                .doesNotContain("那覇市"); // Okinawa is cut away
        assertThat(json.split("\"name\":\"塩竈市\"", -1)).as("one feature per municipality").hasSize(2);
    }

    @Test
    void boundariesWithoutALicenceOrWithoutPolygonsStopTheServerWithTheReason(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new MapLayers.Boundaries(FIXTURE, " "))
                .hasMessageContaining("need their licence");
        Path points = Files.writeString(dir.resolve("points.geojson"), "{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[140,38]}}]}");
        assertThatThrownBy(() -> MapLayers.around(MIYAGI, Optional.of(new MapLayers.Boundaries(points, "x"))))
                .hasMessageContaining("points.geojson").hasMessageContaining("no Polygon");
        Path broken = Files.writeString(dir.resolve("broken.geojson"), "{\"type\":");
        assertThatThrownBy(() -> MapLayers.around(MIYAGI, Optional.of(new MapLayers.Boundaries(broken, "x"))))
                .hasMessageContaining("broken.geojson");
        Path topo = Files.writeString(dir.resolve("topo.json"), "{\"type\":\"Topology\"}");
        assertThatThrownBy(() -> MapLayers.around(MIYAGI, Optional.of(new MapLayers.Boundaries(topo, "x"))))
                .hasMessageContaining("expected a GeoJSON FeatureCollection or Feature, found type Topology");
    }

    @Test
    void aRegistryWithoutSitesHasNoViewAndNoLand() {
        Map<String, Object> body = MapLayers.around(List.of(), Optional.empty()).body();
        assertThat(body.get("extent")).isNull();
        assertThat(body.get("land").toString()).contains("features=[]");
    }
}
