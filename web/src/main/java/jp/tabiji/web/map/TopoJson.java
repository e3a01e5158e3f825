package jp.tabiji.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The polygons of one object of a TopoJSON topology (the format world-atlas ships Natural Earth in): arcs are
 * shared between neighbours, quantized and delta-encoded, and a ring names its arcs, {@code ~i} for arc i reversed.
 */
final class TopoJson {
    private final List<double[][]> arcs = new ArrayList<>();

    private TopoJson(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        boolean quantized = transform.isObject();
        double sx = quantized ? transform.path("scale").get(0).asDouble() : 1;
        double sy = quantized ? transform.path("scale").get(1).asDouble() : 1;
        double tx = quantized ? transform.path("translate").get(0).asDouble() : 0;
        double ty = quantized ? transform.path("translate").get(1).asDouble() : 0;
        for (JsonNode arc : topology.path("arcs")) {
            double[][] pts = new double[arc.size()][];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) {
                if (quantized) {
                    x += arc.get(i).get(0).asLong();
                    y += arc.get(i).get(1).asLong();
                    pts[i] = new double[] {x * sx + tx, y * sy + ty};
                } else {
                    pts[i] = new double[] {arc.get(i).get(0).asDouble(), arc.get(i).get(1).asDouble()};
                }
            }
            arcs.add(pts);
        }
    }

    /** Every polygon of {@code objects.<name>}, whatever mix of (multi)polygons and collections it holds. */
    static List<List<double[][]>> polygons(JsonNode topology, String name) {
        JsonNode object = topology.path("objects").path(name);
        if (object.isMissingNode()) {
            throw new IllegalArgumentException("the topology has no object '" + name + "'");
        }
        List<List<double[][]>> out = new ArrayList<>();
        new TopoJson(topology).collect(object, out);
        return out;
    }

    private void collect(JsonNode geometry, List<List<double[][]>> out) {
        switch (geometry.path("type").asText()) {
            case "GeometryCollection" -> geometry.path("geometries").forEach(g -> collect(g, out));
            case "Polygon" -> out.add(polygon(geometry.path("arcs")));
            case "MultiPolygon" -> geometry.path("arcs").forEach(p -> out.add(polygon(p)));
            default -> { } // points and lines draw no land
        }
    }

    private List<double[][]> polygon(JsonNode rings) {
        List<double[][]> out = new ArrayList<>();
        rings.forEach(r -> out.add(ring(r)));
        return out;
    }

    private double[][] ring(JsonNode arcIds) {
        List<double[]> pts = new ArrayList<>();
        for (JsonNode id : arcIds) {
            int i = id.asInt();
            double[][] arc = arcs.get(i >= 0 ? i : ~i);
            for (int k = 0; k < arc.length; k++) {
                double[] p = arc[i >= 0 ? k : arc.length - 1 - k];
                if (k > 0 || pts.isEmpty()) { // an arc starts where the one before it ended
                    pts.add(p);
                }
            }
        }
        return pts.toArray(double[][]::new);
    }
}
