package jp.tabiji.ingest.registry;

/** A tourist site as the registry names it. */
public record Site(String siteId, String nameJa, String nameEn, String area, double lat, double lon) {
}
