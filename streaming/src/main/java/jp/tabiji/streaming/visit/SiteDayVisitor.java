package jp.tabiji.streaming.visit;

/**
 * A device seen at a site on a region-local day, with the time of its last event there that day and the
 * language it had at the end of the visit holding that event. Flink POJO.
 */
public class SiteDayVisitor {
    public String siteId;
    /** days since 1970-01-01, region-local. */
    public int day;
    public String deviceId;
    public long lastEventMs;
    public String lang;
    /** The device's address is locally administered (a private, random MAC). */
    public boolean randomMac;

    public SiteDayVisitor() {
    }

    public SiteDayVisitor(String siteId, int day, String deviceId, long lastEventMs, String lang) {
        this.siteId = siteId;
        this.day = day;
        this.deviceId = deviceId;
        this.lastEventMs = lastEventMs;
        this.lang = lang;
    }

    @Override
    public String toString() {
        return "SiteDayVisitor{" + siteId + " day=" + day + " " + deviceId + " last=" + lastEventMs + " " + lang + "}";
    }
}
