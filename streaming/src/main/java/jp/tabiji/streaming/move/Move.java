package jp.tabiji.streaming.move;

/**
 * A trip (DESIGN.md, "move"): two consecutive visits of one device at different sites at most 6 hours apart.
 * Belongs to the region-local day of its departure. Flink POJO.
 */
public class Move {
    /** Deterministic: device and the starts of both visits, so a re-sent row replaces itself. */
    public String moveId;
    public String deviceId;
    public String originSiteId;
    public String destinationSiteId;
    /** Region-local day of the departure, as days since 1970-01-01. */
    public int day;
    /** The end of the visit at the origin. */
    public long departureMs;
    /** The start of the visit at the destination. */
    public long arrivalMs;
    /** The traveller's language at the end of the destination visit (as visits count it), or "unknown". */
    public String lang;

    public Move() {
    }

    public long travelSeconds() {
        return (arrivalMs - departureMs) / 1000;
    }

    @Override
    public String toString() {
        return "Move{" + deviceId + " " + originSiteId + "→" + destinationSiteId + " " + departureMs + ".." + arrivalMs
                + " lang=" + lang + "}";
    }
}
