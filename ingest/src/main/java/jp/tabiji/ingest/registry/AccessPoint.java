package jp.tabiji.ingest.registry;

/** One row of the AP registry: an access point and the tourist site it serves. */
public record AccessPoint(String apId, String apMac, String siteId, String siteNameJa, String siteNameEn,
                          String area, double lat, double lon, Integer capacity) {
}
