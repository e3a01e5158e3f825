package jp.tabiji.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the areas of a GeoJSON document (an operator's boundaries) and writes areas as a FeatureCollection. */
final class GeoJson {
    /** 国土数値情報 N03: prefecture, subprefecture, county or designated city, municipality or ward. */
    private static final String[] N03_NAME = {"N03_003", "N03_004"};
    private static final String[] NAME = {"name", "NAME", "name_ja", "nam_ja", "N03_001", "id"};

    private GeoJson() {
    }

    /** Every (multi)polygon, merged by name (N03 writes an island of a town as a feature of its own). */
    static List<MapArea> areas(JsonNode doc) {
        Map<String, List<List<double[][]>>> byName = new LinkedHashMap<>();
        List<JsonNode> features = new ArrayList<>();
        switch (doc.path("type").asText()) {
            case "FeatureCollection" -> doc.path("features").forEach(features::add);
            case "Feature" -> features.add(doc);
            default -> throw new IllegalArgumentException("expected a GeoJSON FeatureCollection or Feature, found "
                    + (doc.has("type") ? "type " + doc.path("type").asText() : "no type"));
        }
        for (JsonNode f : features) {
            JsonNode g = f.path("geometry");
            List<List<double[][]>> polygons = new ArrayList<>();
            switch (g.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(g.path("coordinates")));
                case "MultiPolygon" -> g.path("coordinates").forEach(p -> polygons.add(polygon(p)));
                default -> { } // points and lines bound nothing
            }
            if (!polygons.isEmpty()) {
                byName.computeIfAbsent(name(f.path("properties"), byName.size() + 1), k -> new ArrayList<>())
                        .addAll(polygons);
            }
        }
        return byName.entrySet().stream().map(e -> new MapArea(e.getKey(), e.getValue())).toList();
    }

    private static String name(JsonNode props, int n) {
        StringBuilder n03 = new StringBuilder();
        for (String key : N03_NAME) {
            if (props.path(key).isTextual()) {
                n03.append(props.path(key).asText());
            }
        }
        if (!n03.isEmpty()) {
            return n03.toString();
        }
        for (String key : NAME) {
            if (props.path(key).isValueNode() && !props.path(key).asText().isBlank()) {
                return props.path(key).asText();
            }
        }
        return "area " + n;
    }

    private static List<double[][]> polygon(JsonNode rings) {
        List<double[][]> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            double[][] pts = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                pts[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            out.add(pts);
        }
        return out;
    }

    /** A FeatureCollection of {@code areas}, coordinates to 1e-5° (about a metre), each feature's layer named. */
    static Map<String, Object> featureCollection(List<MapArea> areas, String layer) {
        List<Object> features = new ArrayList<>();
        for (MapArea a : areas) {
            List<Object> coordinates = new ArrayList<>();
            for (List<double[][]> p : a.polygons()) {
                coordinates.add(p.stream().map(r -> java.util.Arrays.stream(r)
                        .map(pt -> new double[] {round(pt[0]), round(pt[1])}).toList()).toList());
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("properties", Map.of("name", a.name(), "layer", layer));
            f.put("geometry", Map.of("type", "MultiPolygon", "coordinates", coordinates));
            features.add(f);
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
