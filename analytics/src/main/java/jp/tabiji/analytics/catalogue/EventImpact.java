package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tabiji.analytics.query.ResultTable;

/**
 * An event's uplift per site and day against the {@link VisitorBaseline} of the weeks before it, and a site's
 * forecast from the same model: released visitor cells in, numbers made of them out.
 */
final class EventImpact {
    static final List<String> IMPACT_COLUMNS = List.of("site_id", "day", "visitors", "expected", "expected_low",
            "expected_high", "uplift", "uplift_low", "uplift_high");
    static final List<String> FORECAST_COLUMNS = List.of("day", "expected", "expected_low", "expected_high");
    static final int FORECAST_DAYS = 14;

    private final MetricCatalogue catalogue;
    private final EventCalendar events;
    private final VisitorBaseline baseline;

    EventImpact(MetricCatalogue catalogue, EventCalendar events, VisitorBaseline baseline) {
        this.catalogue = catalogue;
        this.events = events;
        this.baseline = baseline;
    }

    /** Where the event's visitors went next, beside its usual days. */
    ResultTable destinations(EventCalendar.Event e) {
        List<EventCalendar.Event> all = events.all();
        Set<LocalDate> unusual = new HashSet<>();
        e.sites().forEach(site -> unusual.addAll(eventDays(all, site)));
        return new EventDestinations(catalogue, baseline).run(e, unusual);
    }

    ResultTable impact(EventCalendar.Event e) {
        List<List<Object>> rows = new ArrayList<>();
        List<EventCalendar.Event> all = events.all();
        for (String site : e.sites()) {
            Map<LocalDate, Object> cells = catalogue.siteDays(site, e.from().minusWeeks(VisitorBaseline.WEEKS), e.to());
            Set<LocalDate> unusual = eventDays(all, site);
            long seen = 0;
            double expected = 0;
            double lowSq = 0;
            double highSq = 0;
            boolean allSeen = true;
            boolean allExpected = true;
            for (LocalDate d = e.from(); !d.isAfter(e.to()); d = d.plusDays(1)) {
                Object visitors = cells.getOrDefault(d, 0L);
                Optional<VisitorBaseline.Expected> x = baseline.expected(d, e.from(), cells, unusual);
                rows.add(row(site, d.toString(), visitors, x));
                if (visitors instanceof Long n) {
                    seen += n;
                } else {
                    allSeen = false;
                }
                if (x.isPresent()) {
                    expected += x.get().mean();
                    lowSq += sq(x.get().mean() - x.get().low());
                    highSq += sq(x.get().high() - x.get().mean());
                } else {
                    allExpected = false;
                }
            }
            // the event's days together (only where every day has its number): ranges combined as independent days
            rows.add(row(site, "total", allSeen ? (Object) seen : null, allExpected ? Optional.of(
                    new VisitorBaseline.Expected(expected, Math.max(0, expected - Math.sqrt(lowSq)),
                            expected + Math.sqrt(highSq), 0)) : Optional.empty()));
        }
        return table(IMPACT_COLUMNS, rows);
    }

    /** The {@value #FORECAST_DAYS} days from {@code start}, from the usual days before it. */
    ResultTable forecast(String site, LocalDate start) {
        Map<LocalDate, Object> cells = catalogue.siteDays(site, start.minusWeeks(VisitorBaseline.WEEKS), start.minusDays(1));
        Set<LocalDate> unusual = eventDays(events.all(), site);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < FORECAST_DAYS; i++) {
            LocalDate d = start.plusDays(i);
            List<Object> row = new ArrayList<>(List.of(d.toString()));
            baseline.expected(d, start, cells, unusual).ifPresentOrElse(
                    x -> row.addAll(List.of(Math.round(x.mean()), (long) Math.floor(x.low()), (long) Math.ceil(x.high()))),
                    () -> row.addAll(Arrays.asList(null, null, null)));
            rows.add(row);
        }
        return new ResultTable(FORECAST_COLUMNS, rows, List.of(), catalogue.release().k(),
                catalogue.release().maxNoise());
    }

    private static double sq(double v) {
        return v * v;
    }

    private static List<Object> row(String site, String day, Object visitors, Optional<VisitorBaseline.Expected> x) {
        List<Object> row = new ArrayList<>(Arrays.asList(site, day, visitors));
        if (x.isEmpty()) {
            row.addAll(Arrays.asList(null, null, null, null, null, null));
            return row;
        }
        VisitorBaseline.Expected e = x.get();
        row.addAll(List.of(Math.round(e.mean()), (long) Math.floor(e.low()), (long) Math.ceil(e.high())));
        if (visitors instanceof Long n) {
            row.addAll(List.of(n - Math.round(e.mean()), (long) Math.floor(n - e.high()), (long) Math.ceil(n - e.low())));
        } else {
            row.addAll(Arrays.asList(null, null, null));
        }
        return row;
    }

    private ResultTable table(List<String> columns, List<List<Object>> rows) {
        return new ResultTable(columns, rows, List.of("visitors"), catalogue.release().k(),
                catalogue.release().maxNoise());
    }

    private static Set<LocalDate> eventDays(List<EventCalendar.Event> all, String site) {
        Set<LocalDate> days = new HashSet<>();
        for (EventCalendar.Event e : all) {
            if (e.sites().contains(site)) {
                e.from().datesUntil(e.to().plusDays(1)).forEach(days::add);
            }
        }
        return days;
    }
}
