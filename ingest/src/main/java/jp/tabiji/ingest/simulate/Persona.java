package jp.tabiji.ingest.simulate;

/**
 * Who a simulated phone's owner really is: the model's true class, which no rule sees. The rules' segment of a
 * device ({@link SegmentRules}) is checked against it.
 */
public enum Persona {
    TOURIST, COMMUTER, STAFF, RESIDENT;

    /** The segment the rules should give this person: {@code visitor} for tourists, else the persona's name. */
    public String segment() {
        return this == TOURIST ? "visitor" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
