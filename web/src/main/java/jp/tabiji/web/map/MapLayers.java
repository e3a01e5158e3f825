package jp.tabiji.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.ingest.registry.Site;

/**
 * What every map of the dashboard is drawn on, offline: Natural Earth's 1:10m land (public domain, shipped in the
 * server from the world-atlas package) and, optionally, the operator's administrative boundaries, both cut to the
 * registry's surroundings so that a page loads kilobytes, not the world. Built once when the server starts.
 */
public final class MapLayers {
    static final String LAND = "/geo/land-10m.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a layer comes from and under which licence: shown under every map. */
    public record Source(String layer, String name, String licence) {
    }

    /** An operator's boundaries (GeoJSON, longitude/latitude) and the licence they are published under. */
    public record Boundaries(Path file, String licence) {
        public Boundaries {
            if (licence == null || licence.isBlank()) {
                throw new IllegalArgumentException("the boundaries " + file + " need their licence (shown under "
                        + "every map), e.g. 「国土数値情報（行政区域データ）」（国土交通省）を加工して作成");
            }
        }
    }

    private final Optional<Extent> view;
    private final List<MapArea> land;
    private final List<MapArea> boundaries;
    private final List<Source> sources;

    private MapLayers(Optional<Extent> view, List<MapArea> land, List<MapArea> boundaries, List<Source> sources) {
        this.view = view;
        this.land = land;
        this.boundaries = boundaries;
        this.sources = sources;
    }

    /** The layers around {@code sites}; an unreadable or empty boundaries file stops the server with the reason. */
    public static MapLayers around(Collection<Site> sites, Optional<Boundaries> boundaries) {
        Optional<Extent> registry = Extent.of(sites);
        // the view a little wider than the sites, the geometry wider still so that zooming out shows context
        Optional<Extent> view = registry.map(e -> e.grown(0.15, 0.05));
        Optional<Extent> cut = registry.map(e -> e.grown(1.0, 0.5));
        List<Source> sources = new ArrayList<>();
        JsonNode atlas = resource("/geo/package.json");
        sources.add(new Source("land", "Natural Earth 1:10m land (" + atlas.path("name").asText() + " "
                + atlas.path("version").asText() + ")", "public domain"));
        List<MapArea> land = cut.map(c -> clipped(List.of(new MapArea("land",
                TopoJson.polygons(resource(LAND), "land"))), c)).orElse(List.of());
        List<MapArea> bounds = List.of();
        if (boundaries.isPresent()) {
            Boundaries b = boundaries.get();
            List<MapArea> all;
            try {
                all = GeoJson.areas(JSON.readTree(b.file().toFile()));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("boundaries " + b.file() + ": " + e.getMessage(), e);
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("boundaries " + b.file() + ": no Polygon or MultiPolygon feature");
            }
            bounds = cut.map(c -> clipped(all, c)).orElse(all);
            sources.add(new Source("boundaries", b.file().getFileName().toString(), b.licence()));
        }
        return new MapLayers(view, land, bounds, List.copyOf(sources));
    }

    private static List<MapArea> clipped(List<MapArea> areas, Extent box) {
        return areas.stream().map(a -> a.clippedTo(box)).flatMap(Optional::stream).toList();
    }

    private static JsonNode resource(String name) {
        try (InputStream in = MapLayers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server: build the web module again");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether land lies under a point (a site on the water means the map or the registry is wrong). */
    public boolean landUnder(double lon, double lat) {
        return land.stream().anyMatch(a -> a.contains(lon, lat));
    }

    /** The API's answer: the view, both layers as GeoJSON and their sources. */
    public Map<String, Object> body() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("extent", view.map(v -> List.of(v.minLon(), v.minLat(), v.maxLon(), v.maxLat())).orElse(null));
        out.put("land", GeoJson.featureCollection(land, "land"));
        out.put("boundaries", boundaries.isEmpty() ? null : GeoJson.featureCollection(boundaries, "boundaries"));
        out.put("sources", sources);
        return out;
    }
}
