package jp.tabiji.analytics.catalogue;

/** Where a cell counts: one site, one area (its sites together) or the whole region. */
public enum PlaceLevel {
    SITE("site_id"), AREA("area"), REGION(null);

    /** The key column of rows at this level, or null for the region (no place column). */
    final String column;

    PlaceLevel(String column) {
        this.column = column;
    }

    /** The level of a request's cells: its place grouping, else the place it is filtered to, else the region. */
    static PlaceLevel of(MetricRequest r) {
        if (r.groupedBy(Grouping.AREA) && r.site() != null) {
            throw new IllegalArgumentException("groupBy=area with a site gives the site's own numbers: leave groupBy=area "
                    + "out, or give area instead of site");
        }
        if (r.groupedBy(Grouping.SITE) || !r.groupedBy(Grouping.AREA) && r.site() != null) {
            return SITE;
        }
        return r.groupedBy(Grouping.AREA) || r.area() != null ? AREA : REGION;
    }

    /** Whether a row's place (at this level) is within the request's site or area filter. */
    boolean within(MetricRequest r, String place, Sites sites) {
        return switch (this) {
            case SITE -> (r.site() == null || r.site().equals(place))
                    && (r.area() == null || r.area().equals(sites.areaOf(place)));
            case AREA -> r.area() == null || r.area().equals(place);
            case REGION -> true;
        };
    }
}
