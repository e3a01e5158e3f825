package jp.tabiji.web.map;

import java.util.List;
import java.util.Optional;

/** A named area of a map layer: polygons of rings of [lon, lat] points, each polygon's first ring its outline. */
record MapArea(String name, List<List<double[][]>> polygons) {

    /** This area cut to {@code box}; empty when none of it lies inside. A hole is kept only with its outline. */
    Optional<MapArea> clippedTo(Extent box) {
        List<List<double[][]>> kept = polygons.stream().map(p -> {
            Optional<double[][]> outline = RingClip.clip(p.get(0), box);
            if (outline.isEmpty()) {
                return List.<double[][]>of();
            }
            List<double[][]> rings = new java.util.ArrayList<>();
            rings.add(outline.get());
            p.stream().skip(1).map(h -> RingClip.clip(h, box)).flatMap(Optional::stream).forEach(rings::add);
            return rings;
        }).filter(r -> !r.isEmpty()).toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of(new MapArea(name, kept));
    }

    /** Whether the point lies inside an outline and outside its holes (even-odd rule). */
    boolean contains(double lon, double lat) {
        return polygons.stream().anyMatch(p -> p.stream().filter(r -> inside(r, lon, lat)).count() % 2 == 1);
    }

    private static boolean inside(double[][] ring, double x, double y) {
        boolean in = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            if ((ring[i][1] > y) != (ring[j][1] > y)
                    && x < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) {
                in = !in;
            }
        }
        return in;
    }
}
