package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.tabiji.ingest.privacy.PseudonymPeriod;

/**
 * The exact answers, from the model's own record of who went where and when each device told the portal its
 * language; it shares no code with the pipeline. A device is known to the pipeline only within one pseudonym
 * period, so a language learned in one period is not carried into the next.
 */
public final class GroundTruth {
    /** visitors of a site on a day. */
    public record SiteDay(String siteId, LocalDate day, int visitors) {
    }

    /** visitors of a site on a day under one language. */
    public record SiteDayLang(String siteId, LocalDate day, String lang, int visitors) {
    }

    private final List<SiteDay> bySiteDay = new ArrayList<>();
    private final List<SiteDayLang> bySiteDayLang = new ArrayList<>();

    public GroundTruth(List<PlannedVisit> visits, ZoneId zone, PseudonymPeriod period) {
        Map<Integer, List<PlannedVisit>> byDevice = new HashMap<>();
        visits.forEach(v -> byDevice.computeIfAbsent(v.device().index(), k -> new ArrayList<>()).add(v));
        // (site, day) -> device -> the device's last visit there that day
        Map<String, Map<LocalDate, Map<Integer, PlannedVisit>>> last = new TreeMap<>();
        for (PlannedVisit v : visits) {
            last.computeIfAbsent(v.siteId(), k -> new TreeMap<>()).computeIfAbsent(v.day(), k -> new HashMap<>())
                    .merge(v.device().index(), v, (a, b) -> a.arrive() >= b.arrive() ? a : b);
        }
        last.forEach((site, days) -> days.forEach((day, devices) -> {
            bySiteDay.add(new SiteDay(site, day, devices.size()));
            Map<String, Set<Integer>> langs = new TreeMap<>();
            devices.values().forEach(v -> langs.computeIfAbsent(
                    languageAtEnd(v, byDevice.get(v.device().index()), zone, period),
                    k -> new HashSet<>()).add(v.device().index()));
            langs.forEach((lang, devs) -> bySiteDayLang.add(new SiteDayLang(site, day, lang, devs.size())));
        }));
        bySiteDay.sort(Comparator.comparing(SiteDay::siteId).thenComparing(SiteDay::day));
    }

    /** The device's language at the end of visit {@code v}: known once it reached the portal in the same period. */
    private static String languageAtEnd(PlannedVisit v, List<PlannedVisit> deviceVisits, ZoneId zone,
                                        PseudonymPeriod period) {
        String label = period.label(v.day().atStartOfDay(zone));
        for (PlannedVisit other : deviceVisits) {
            if (other.loginAt() != null && other.loginAt() <= v.depart()
                    && period.label(other.day().atStartOfDay(zone)).equals(label)) {
                return v.device().lang();
            }
        }
        return "unknown";
    }

    public List<SiteDay> visitorsBySiteDay() {
        return bySiteDay;
    }

    public List<SiteDayLang> visitorsBySiteDayLang() {
        return bySiteDayLang;
    }
}
