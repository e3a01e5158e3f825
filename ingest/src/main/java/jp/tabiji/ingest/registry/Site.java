package jp.tabiji.ingest.registry;

/**
 * A tourist site as the registry names it.
 *
 * @param kind       what the site is where that changes a definition: {@code lodging} (hotels, onsen resorts: night
 *                   presence there is a guest's), or null
 * @param openHours  when the site is open, the span staff presence is counted in (docs/SEGMENTS.md)
 * @param closed     the days it is closed (the registry's {@code closed} column): no usual hours then
 */
public record Site(String siteId, String nameJa, String nameEn, String area, double lat, double lon, String kind,
                   OpenHours openHours, ClosedDays closed) {
    public static final String LODGING = "lodging";

    public Site(String siteId, String nameJa, String nameEn, String area, double lat, double lon) {
        this(siteId, nameJa, nameEn, area, lat, lon, null, OpenHours.DEFAULT, ClosedDays.NONE);
    }

    public Site(String siteId, String nameJa, String nameEn, String area, double lat, double lon, String kind,
                OpenHours openHours) {
        this(siteId, nameJa, nameEn, area, lat, lon, kind, openHours, ClosedDays.NONE);
    }

    public boolean lodging() {
        return LODGING.equals(kind);
    }
}
