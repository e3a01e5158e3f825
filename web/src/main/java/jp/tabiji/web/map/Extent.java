package jp.tabiji.web.map;

import java.util.Collection;
import java.util.Optional;
import jp.tabiji.ingest.registry.Site;

/** A longitude/latitude box: the registry's sites, the map's view, the area geometry is clipped to. */
public record Extent(double minLon, double minLat, double maxLon, double maxLat) {
    public Extent {
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw new IllegalArgumentException("an extent's minimum exceeds its maximum");
        }
    }

    /** The smallest box around every site with a position; empty for a registry without any. */
    public static Optional<Extent> of(Collection<Site> sites) {
        return sites.stream().filter(s -> Double.isFinite(s.lat()) && Double.isFinite(s.lon()))
                .map(s -> new Extent(s.lon(), s.lat(), s.lon(), s.lat())).reduce(Extent::union);
    }

    Extent union(Extent o) {
        return new Extent(Math.min(minLon, o.minLon), Math.min(minLat, o.minLat), Math.max(maxLon, o.maxLon),
                Math.max(maxLat, o.maxLat));
    }

    /** Grown on every side by {@code share} of its larger side, and by {@code atLeast} degrees. */
    public Extent grown(double share, double atLeast) {
        double d = Math.max(atLeast, share * Math.max(maxLon - minLon, maxLat - minLat));
        return new Extent(minLon - d, Math.max(-90, minLat - d), maxLon + d, Math.min(90, maxLat + d));
    }

    boolean overlaps(Extent o) {
        return minLon <= o.maxLon && o.minLon <= maxLon && minLat <= o.maxLat && o.minLat <= maxLat;
    }

    static Extent around(double[][] ring) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] p : ring) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return new Extent(x0, y0, x1, y1);
    }
}
