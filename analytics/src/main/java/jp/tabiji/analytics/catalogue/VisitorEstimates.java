package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;

/**
 * Estimated total visitors of a site per day, beside its observed devices: the released visitor cells of the days,
 * scaled by the capture rate its reference days give ({@link CaptureRate}), both from released cells only. Without
 * enough reference days there is no rate, and the rows carry the observed devices alone.
 */
final class VisitorEstimates {
    static final List<String> COLUMNS = List.of("day", "visitors", "estimated_visitors", "estimated_low",
            "estimated_high");

    private final MetricCatalogue catalogue;
    private final ReferenceCounts references;

    VisitorEstimates(MetricCatalogue catalogue, ReferenceCounts references) {
        this.catalogue = catalogue;
        this.references = references;
    }

    /** The days' rows and the rate they were scaled by (empty: not calibrated). */
    record Answer(ResultTable rows, Optional<CaptureRate> rate) {
    }

    Answer run(String site, LocalDate from, LocalDate to) {
        Release release = catalogue.release();
        Optional<CaptureRate> rate = rate(site);
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, Object> day : catalogue.siteDays(site, from, to).entrySet()) {
            Object observed = day.getValue();
            List<Object> row = new ArrayList<>(List.of(day.getKey().toString(), observed));
            if (rate.isPresent() && observed instanceof Long n) {
                CaptureRate.Estimate e = rate.get().estimate(n, release.maxNoise());
                row.addAll(List.of(e.estimate(), e.low(), e.high()));
            } else {
                Object none = observed instanceof Long ? null : ResultTable.SUPPRESSED;
                row.addAll(java.util.Arrays.asList(none, none, none));
            }
            rows.add(row);
        }
        return new Answer(new ResultTable(COLUMNS, rows, List.of("visitors"), release.k(), release.maxNoise()), rate);
    }

    /** The rate from the site's reference days whose visitor cell is published (a hidden cell says nothing). */
    Optional<CaptureRate> rate(String site) {
        TreeMap<LocalDate, Long> counts = references.of(site);
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        List<CaptureRate.Day> days = new ArrayList<>();
        Map<LocalDate, Object> cells = new HashMap<>();
        // in spans the catalogue takes at once (at most a year each)
        for (LocalDate a = counts.firstKey(); !a.isAfter(counts.lastKey()); a = a.plusDays(366)) {
            LocalDate b = a.plusDays(365).isAfter(counts.lastKey()) ? counts.lastKey() : a.plusDays(365);
            cells.putAll(catalogue.siteDays(site, a, b));
        }
        counts.forEach((day, reference) -> {
            if (cells.get(day) instanceof Long n) {
                days.add(new CaptureRate.Day(n, reference));
            }
        });
        return CaptureRate.fit(days);
    }
}
