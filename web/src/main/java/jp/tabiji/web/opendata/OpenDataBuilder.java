package jp.tabiji.web.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.registry.Site;

/**
 * Makes an open-data release's files from the registry (the AP list, without AP MACs) and from the catalogue's
 * released cells only: the same values, suppression and noise the dashboard and the API show, so publishing them
 * adds nothing an attacker could combine. Language shares are ratios of two released cells, never of exact counts.
 */
public final class OpenDataBuilder {
    private final MetricCatalogue catalogue;
    private final ApRegistry registry;
    private final Publisher publisher;
    /** Each site's municipality: the code of its first AP that names one. */
    private final Map<String, String> municipality = new HashMap<>();

    public OpenDataBuilder(MetricCatalogue catalogue, ApRegistry registry, Publisher publisher) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.publisher = publisher;
        for (AccessPoint ap : registry.accessPoints()) {
            if (ap.place().municipalCode() != null) {
                municipality.putIfAbsent(ap.siteId(), ap.place().municipalCode());
            }
        }
    }

    public OpenDataSet build(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        List<YearMonth> months = wholeMonths(from, to);
        OpenDataSet names = new OpenDataSet(publisher, from, to, months, k(), maxNoise(), Map.of());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(names.apListName(), apList());
        files.put(names.visitorsName(), visitors(from, to));
        files.put(names.languagesName(), languages(months));
        return new OpenDataSet(publisher, from, to, months, k(), maxNoise(), files);
    }

    /** The calendar months wholly inside the range: a part of a month is not a published period. */
    static List<YearMonth> wholeMonths(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            if (!m.atDay(1).isBefore(from) && !m.atEndOfMonth().isAfter(to)) {
                months.add(m);
            }
        }
        return months;
    }

    private int k() {
        return catalogue.release().k();
    }

    private int maxNoise() {
        return catalogue.release().maxNoise();
    }

    private byte[] apList() {
        CsvFile csv = new CsvFile(OpenDataColumns.AP_LIST);
        for (AccessPoint ap : registry.accessPoints()) {
            AccessPoint.Place p = ap.place();
            csv.row(List.of(publisher.code(), ap.apId(), publisher.name(), ap.siteNameJa(), "", ap.siteNameEn(),
                    nz(p.municipalCode()), "", nz(p.address()), "", "", "", "", "", degrees(ap.lat()),
                    degrees(ap.lon()), publisher.name(), "", "", "", "", "", "", nz(p.ssid()), "", "",
                    "設置箇所ID: " + ap.siteId()));
        }
        return csv.bytes();
    }

    private byte[] visitors(LocalDate from, LocalDate to) {
        ResultTable t = catalogue.run(Metric.VISITORS, request(from, to, Grouping.SITE, Grouping.DAY));
        CsvFile csv = new CsvFile(OpenDataColumns.VISITORS_SITE_DAY);
        int site = t.columnIndex("site_id");
        int day = t.columnIndex(Grouping.DAY.label());
        int visitors = t.columnIndex("visitors");
        for (List<Object> row : t.rows()) {
            String siteId = row.get(site).toString();
            Object v = row.get(visitors);
            List<String> cells = new ArrayList<>(place(siteId, siteId + "_" + row.get(day)));
            cells.addAll(List.of(row.get(day).toString(), count(v), hidden(v), Integer.toString(maxNoise())));
            csv.row(cells);
        }
        return csv.bytes();
    }

    private byte[] languages(List<YearMonth> months) {
        CsvFile csv = new CsvFile(OpenDataColumns.LANGUAGE_SHARE_SITE_MONTH);
        for (YearMonth m : months) {
            Map<String, Object> totals = new HashMap<>();
            ResultTable all = catalogue.run(Metric.VISITORS, request(m.atDay(1), m.atEndOfMonth(), Grouping.SITE,
                    Grouping.MONTH));
            all.rows().forEach(r -> totals.put(r.get(all.columnIndex("site_id")).toString(),
                    r.get(all.columnIndex("visitors"))));
            ResultTable t = catalogue.run(Metric.LANGUAGES, request(m.atDay(1), m.atEndOfMonth(), Grouping.SITE,
                    Grouping.MONTH));
            for (List<Object> row : t.rows()) {
                String siteId = row.get(t.columnIndex("site_id")).toString();
                String lang = row.get(t.columnIndex("lang")).toString();
                Object v = row.get(t.columnIndex("visitors"));
                List<String> cells = new ArrayList<>(place(siteId, siteId + "_" + m + "_" + lang));
                cells.addAll(List.of(m.toString(), lang, count(v)));
                cells.addAll(ShareBounds.of(v, totals.get(siteId), maxNoise()).cells());
                cells.add(hidden(v));
                csv.row(cells);
            }
        }
        return csv.bytes();
    }

    private static MetricRequest request(LocalDate from, LocalDate to, Grouping... groups) {
        EnumSet<Grouping> by = EnumSet.noneOf(Grouping.class);
        by.addAll(List.of(groups));
        return new MetricRequest(from, to, null, null, null, by);
    }

    /** The columns every usage row starts with: publisher, row id, the site and where it stands. */
    private List<String> place(String siteId, String id) {
        Site s = registry.site(siteId).orElse(null);
        return List.of(publisher.code(), id, publisher.name(), siteId, s == null ? "" : s.nameJa(),
                s == null ? "" : s.nameEn(), municipality.getOrDefault(siteId, ""));
    }

    static String count(Object released) {
        return released instanceof Long n ? Long.toString(n) : "";
    }

    static String hidden(Object released) {
        return released == ResultTable.SUPPRESSED ? "1" : "0";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String degrees(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
