package jp.tabiji.analytics.catalogue;

/**
 * The numbers of docs/SEGMENTS.md's rules that depend on the period's length; the rest are fixed.
 *
 * @param staffDays        days at one site with ≥ 4 h there within its opening hours
 * @param commuterWeekdays weekdays with visits
 * @param residentDays     days seen in the region
 * @param residentSpread   days from the first to the last of them, both counted
 */
public record Thresholds(int staffDays, int commuterWeekdays, int residentDays, int residentSpread) {
    public static final int STAFF_DAY_MINUTES = 4 * 60;
    public static final int STAFF_WEEK_MINUTES = 20 * 60;
    public static final int COMMUTER_LONGEST_VISIT_S = 45 * 60;
    public static final int COMMUTER_SITES = 2;
    public static final int COMMUTER_WINDOWS = 2;
    public static final int WINDOW_MINUTES = 120;

    /** The fewest distinct days a commuter or resident is seen on: below it (and 20 h), a device is a visitor. */
    public int candidateDays() {
        return Math.min(commuterWeekdays, residentDays);
    }
}
