package jp.tabiji.analytics.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The numbers of docs/SEGMENTS.md's rules. The defaults depend on the period's length ({@link SegmentPeriod}); an
 * operator may set any of them in a properties file ({@code TABIJI_SEGMENT_RULES}, keys as in {@link #describe}).
 *
 * @param staffDays            days at one site with at least {@code staffDayMinutes} there within its opening hours
 * @param staffDayMinutes      minutes within opening hours that make a staff day
 * @param staffWeekMinutes     minutes within opening hours at one site in one ISO week that make staff too
 * @param commuterWeekdays     weekdays with visits
 * @param commuterVisitMinutes every visit of a commuter is shorter than this
 * @param commuterSites        at most this many sites
 * @param commuterWindows      at most this many windows cover every visit's start time of day
 * @param windowMinutes        the length of such a window
 * @param residentDays         days seen in the region
 * @param residentSpread       days from the first to the last of them, both counted
 */
public record Thresholds(int staffDays, int staffDayMinutes, int staffWeekMinutes, int commuterWeekdays,
                         int commuterVisitMinutes, int commuterSites, int commuterWindows, int windowMinutes,
                         int residentDays, int residentSpread) {
    public Thresholds {
        int[] all = {staffDays, staffDayMinutes, staffWeekMinutes, commuterWeekdays, commuterVisitMinutes,
                commuterSites, commuterWindows, windowMinutes, residentDays, residentSpread};
        for (int v : all) {
            if (v < 1) {
                throw new IllegalArgumentException("every segment threshold is a positive whole number: " + this);
            }
        }
        if (windowMinutes > 24 * 60 || staffDayMinutes > 24 * 60) {
            throw new IllegalArgumentException("a window or a staff day is at most 1440 minutes: " + this);
        }
    }

    /** The rules of docs/SEGMENTS.md with the period-dependent day counts given. */
    static Thresholds standard(int staffDays, int commuterWeekdays, int residentDays, int residentSpread) {
        return new Thresholds(staffDays, 4 * 60, 20 * 60, commuterWeekdays, 45, 2, 2, 120, residentDays,
                residentSpread);
    }

    /** The fewest distinct days a member of staff, commuter or resident is seen on. */
    public int candidateDays() {
        return Math.min(staffDays, Math.min(commuterWeekdays, residentDays));
    }

    /** The least presence (minutes) a member of staff has in a period: below it and below the days, a visitor. */
    public long candidateMinutes() {
        return Math.min(staffWeekMinutes, (long) staffDays * staffDayMinutes);
    }

    /** Every threshold as {@code key=value}, in a fixed order: the rules' name where a computation records them. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        values().forEach((k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    private Map<String, Integer> values() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("staff.days", staffDays);
        m.put("staff.day.minutes", staffDayMinutes);
        m.put("staff.week.minutes", staffWeekMinutes);
        m.put("commuter.weekdays", commuterWeekdays);
        m.put("commuter.visit.minutes", commuterVisitMinutes);
        m.put("commuter.sites", commuterSites);
        m.put("commuter.windows", commuterWindows);
        m.put("window.minutes", windowMinutes);
        m.put("resident.days", residentDays);
        m.put("resident.spread", residentSpread);
        return m;
    }

    /**
     * These thresholds with the ones {@code p} sets; an unknown key or a value that is not a positive whole number is
     * an error naming it, so that a typo cannot leave a rule at its default unnoticed.
     */
    public Thresholds with(Properties p) {
        Map<String, Integer> m = values();
        List<String> unknown = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (!m.containsKey(key)) {
                unknown.add(key);
                continue;
            }
            String text = p.getProperty(key).trim();
            try {
                m.put(key, Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("segment rule " + key + " must be a whole number, not '" + text
                        + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown segment rule(s) " + unknown + "; known: " + m.keySet());
        }
        List<Integer> v = new ArrayList<>(m.values());
        return new Thresholds(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
                v.get(7), v.get(8), v.get(9));
    }
}
