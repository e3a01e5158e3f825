package jp.tabiji.streaming.visit;

/**
 * A device seen at a site in a region-local hour ({@code 2026-11-03T10}), with the time of its last event there
 * in that hour and its language at the end of the visit holding that event: the hourly twin of
 * {@link SiteDayVisitor}. Flink POJO.
 */
public class SiteHourVisitor {
    public String siteId;
    /** days since 1970-01-01, region-local (for range filters and partitions). */
    public int day;
    /** The local hour as {@code yyyy-MM-dd'T'HH}. */
    public String hour;
    public String deviceId;
    public long lastEventMs;
    public String lang;
    /** The device's address is locally administered (a private, random MAC). */
    public boolean randomMac;

    public SiteHourVisitor() {
    }

    public SiteHourVisitor(String siteId, int day, String hour, String deviceId, long lastEventMs, String lang) {
        this.siteId = siteId;
        this.day = day;
        this.hour = hour;
        this.deviceId = deviceId;
        this.lastEventMs = lastEventMs;
        this.lang = lang;
    }

    @Override
    public String toString() {
        return "SiteHourVisitor{" + siteId + " " + hour + " " + deviceId + " last=" + lastEventMs + " " + lang + "}";
    }
}
