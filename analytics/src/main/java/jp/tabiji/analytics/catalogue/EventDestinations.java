package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.tabiji.analytics.query.ResultTable;

/**
 * Where an event's visitors went next, beside usual days: the published trips leaving each event site on the event's
 * days, per destination, and on its usual days (the same kinds of day in the six weeks before, other events left
 * out) per day, with each destination's share of the published trips and 95 % intervals for the event's share and
 * its change ({@link ShareInterval}). Hidden routes count in neither.
 */
final class EventDestinations {
    static final List<String> COLUMNS = List.of("site_id", "destination_site_id", "event_trips", "event_share",
            "event_share_low", "event_share_high", "usual_trips_per_day", "usual_share", "share_change",
            "share_change_low", "share_change_high");

    private final MetricCatalogue catalogue;
    private final VisitorBaseline baseline;

    EventDestinations(MetricCatalogue catalogue, VisitorBaseline baseline) {
        this.catalogue = catalogue;
        this.baseline = baseline;
    }

    ResultTable run(EventCalendar.Event e, Set<LocalDate> unusual) {
        List<List<Object>> rows = new ArrayList<>();
        for (String site : e.sites()) {
            Map<String, Long> during = new TreeMap<>();
            Set<Integer> kinds = new java.util.HashSet<>();
            for (LocalDate d = e.from(); !d.isAfter(e.to()); d = d.plusDays(1)) {
                add(during, site, d);
                kinds.add(baseline.kind(d));
            }
            Map<String, Long> usual = new TreeMap<>();
            int usualDays = 0;
            for (LocalDate d = e.from().minusWeeks(VisitorBaseline.WEEKS); d.isBefore(e.from()); d = d.plusDays(1)) {
                if (kinds.contains(baseline.kind(d)) && !unusual.contains(d)) {
                    add(usual, site, d);
                    usualDays++;
                }
            }
            long duringAll = during.values().stream().mapToLong(Long::longValue).sum();
            long usualAll = usual.values().stream().mapToLong(Long::longValue).sum();
            Set<String> destinations = new java.util.TreeSet<>(during.keySet());
            destinations.addAll(usual.keySet());
            for (String to : destinations) {
                long now = during.getOrDefault(to, 0L);
                long before = usual.getOrDefault(to, 0L);
                ShareInterval.Share nowShare = ShareInterval.of(now, duringAll);
                ShareInterval.Share usualShare = ShareInterval.of(before, usualAll);
                double[] change = nowShare == null || usualShare == null ? null
                        : ShareInterval.difference(nowShare, usualShare);
                rows.add(java.util.Arrays.asList(site, to, now, percent(nowShare, ShareInterval.Share::share),
                        percent(nowShare, ShareInterval.Share::low), percent(nowShare, ShareInterval.Share::high),
                        usualDays == 0 ? null : round(before / (double) usualDays),
                        percent(usualShare, ShareInterval.Share::share),
                        change == null ? null : round(100 * (nowShare.share() - usualShare.share())),
                        change == null ? null : round(100 * change[0]), change == null ? null : round(100 * change[1])));
            }
        }
        return new ResultTable(COLUMNS, rows, List.of("event_trips"), catalogue.release().k(),
                catalogue.release().maxNoise());
    }

    private static String percent(ShareInterval.Share s, java.util.function.ToDoubleFunction<ShareInterval.Share> part) {
        return s == null ? null : round(100 * part.applyAsDouble(s));
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The day's published trips leaving {@code site}, per destination. */
    private void add(Map<String, Long> into, String site, LocalDate day) {
        ResultTable t = catalogue.run(Metric.FLOWS, new MetricRequest(day, day, site, null, null, Set.of()));
        int origin = t.columnIndex("origin_site_id");
        int destination = t.columnIndex("destination_site_id");
        int trips = t.columnIndex("trips");
        for (List<Object> r : t.rows()) {
            if (site.equals(r.get(origin)) && r.get(trips) instanceof Long n) {
                into.merge(r.get(destination).toString(), n, Long::sum);
            }
        }
    }
}
