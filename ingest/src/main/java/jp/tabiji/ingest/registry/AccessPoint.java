package jp.tabiji.ingest.registry;

/**
 * One row of the AP registry: an access point and the tourist site it serves (the site's kind, opening hours and
 * closed days are repeated on each of its rows, like its names).
 */
public record AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn,
                          String area, double lat, double lon, Integer capacity, String siteKind, OpenHours openHours,
                          ClosedDays closed) {
    public AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn, String area,
                       double lat, double lon, Integer capacity) {
        this(apId, apMac, siteId, siteNameJa, siteNameEn, area, lat, lon, capacity, null, OpenHours.DEFAULT,
                ClosedDays.NONE);
    }
}
