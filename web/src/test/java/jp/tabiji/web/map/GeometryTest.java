package jp.tabiji.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {
    private static final Extent BOX = new Extent(0, 0, 10, 10);

    @Test
    void aRingIsCutAtTheBoxAndStaysClosed() {
        double[][] square = {{-5, 2}, {5, 2}, {5, 8}, {-5, 8}, {-5, 2}};
        double[][] cut = RingClip.clip(square, BOX).orElseThrow();
        assertThat(cut[0]).isEqualTo(cut[cut.length - 1]);
        assertThat(java.util.Arrays.stream(cut).mapToDouble(p -> p[0])).allSatisfy(x -> assertThat(x).isBetween(0.0, 5.0));
        MapArea a = new MapArea("a", List.of(List.<double[][]>of(cut)));
        assertThat(a.contains(2, 5)).isTrue();
        assertThat(a.contains(6, 5)).isFalse();
        assertThat(RingClip.clip(new double[][] {{20, 20}, {21, 20}, {21, 21}, {20, 20}}, BOX)).isEmpty();
        double[][] inside = {{1, 1}, {2, 1}, {2, 2}, {1, 1}};
        assertThat(RingClip.clip(inside, BOX).orElseThrow()).isDeepEqualTo(inside);
    }

    @Test
    void aHoleIsNotLandAndIsDroppedWithItsOutline() {
        double[][] outline = {{1, 1}, {9, 1}, {9, 9}, {1, 9}, {1, 1}};
        double[][] hole = {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}};
        MapArea lake = new MapArea("lake", List.of(List.of(outline, hole)));
        assertThat(lake.contains(2, 2)).isTrue();
        assertThat(lake.contains(5, 5)).isFalse();
        assertThat(lake.clippedTo(new Extent(0, 0, 3, 3)).orElseThrow().polygons().get(0)).hasSize(1);
        assertThat(lake.clippedTo(new Extent(20, 20, 30, 30))).isEmpty();
    }

    @Test
    void topologyArcsAreDeltaDecodedQuantizedSharedAndReversed() throws Exception {
        // two squares sharing the arc x=1 (arc 1), the right one walking it backwards (~1 = -2)
        String topo = """
                {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[100,30]},
                 "objects":{"land":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","arcs":[[0,1]]},
                   {"type":"MultiPolygon","arcs":[[[2,-2]]]},
                   {"type":"Point","coordinates":[0,0]}]}},
                 "arcs":[[[2,0],[-2,0],[0,2],[2,0]], [[2,2],[0,-2]], [[2,2],[2,0],[0,-2],[-2,0]]]}""";
        List<List<double[][]>> polygons = TopoJson.polygons(new ObjectMapper().readTree(topo), "land");
        assertThat(polygons).hasSize(2);
        assertThat(polygons.get(0).get(0)).isDeepEqualTo(new double[][] {{101, 30}, {100, 30}, {100, 31}, {101, 31},
            {101, 30}});
        assertThat(polygons.get(1).get(0)).isDeepEqualTo(new double[][] {{101, 31}, {102, 31}, {102, 30}, {101, 30},
            {101, 31}});
    }
}
