package jp.tabiji.ingest.registry;

/**
 * One row of the AP registry: an access point and the tourist site it serves (the site's kind, opening hours and
 * closed days are repeated on each of its rows, like its names).
 *
 * @param place where the AP stands, for the open-data AP list; {@link Place#NONE} where the registry does not say
 */
public record AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn,
                          String area, double lat, double lon, Integer capacity, String siteKind, OpenHours openHours,
                          ClosedDays closed, Place place) {
    /**
     * The registry's optional {@code municipal_code} (全国地方公共団体コード of the municipality the AP stands in),
     * {@code address} and {@code ssid} columns; each null where blank.
     */
    public record Place(String municipalCode, String address, String ssid) {
        public static final Place NONE = new Place(null, null, null);

        public Place {
            municipalCode = municipalCode == null ? null : LocalGovernmentCode.check(municipalCode);
        }
    }

    public AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn, String area,
                       double lat, double lon, Integer capacity, String siteKind, OpenHours openHours,
                       ClosedDays closed) {
        this(apId, apMac, siteId, siteNameJa, siteNameEn, area, lat, lon, capacity, siteKind, openHours, closed,
                Place.NONE);
    }

    public AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn, String area,
                       double lat, double lon, Integer capacity) {
        this(apId, apMac, siteId, siteNameJa, siteNameEn, area, lat, lon, capacity, null, OpenHours.DEFAULT,
                ClosedDays.NONE);
    }
}
