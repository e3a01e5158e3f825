package jp.tabiji.web.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.MetricRequest;
import jp.tabiji.analytics.catalogue.Periods;
import jp.tabiji.analytics.query.ResultTable;

/**
 * Gathers a report's figures and tables from the {@link MetricCatalogue}: the same released cells the API shows.
 * Distinct counts over the whole range exist only for a lattice period (a day, an ISO week, a month); for any other
 * range the report shows them per day instead, and no key figures.
 */
public final class ReportBuilder {
    private static final int TOP_ROUTES = 20;
    private final MetricCatalogue catalogue;

    public ReportBuilder(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Report build(LocalDate from, LocalDate to, ReportLanguage lang) {
        boolean lattice = Periods.lattice(from, to) != null;
        Map<String, Object> kpis = lattice ? catalogue.keyFigures(MetricRequest.of(from, to)) : Map.of();
        List<Report.Section> sections = new ArrayList<>();
        sections.add(section("daily", lang, catalogue.run(Metric.VISITORS, MetricRequest.of(from, to, Grouping.DAY))));
        sections.add(lattice
                ? section("sites", lang, catalogue.run(Metric.VISITORS, MetricRequest.of(from, to, Grouping.SITE)))
                : section("sitesDaily", lang, catalogue.run(Metric.VISITORS,
                MetricRequest.of(from, to, Grouping.SITE, Grouping.DAY))));
        sections.add(lattice
                ? section("languages", lang, catalogue.run(Metric.LANGUAGES, MetricRequest.of(from, to, Grouping.LANG)))
                : section("languagesDaily", lang, catalogue.run(Metric.LANGUAGES,
                MetricRequest.of(from, to, Grouping.DAY, Grouping.LANG))));
        ResultTable routes = catalogue.run(Metric.FLOWS, MetricRequest.of(from, to));
        sections.add(section("routes", lang, routes.withRows(routes.rows().subList(0, Math.min(TOP_ROUTES,
                routes.rows().size())))));
        sections.add(section("dwell", lang, catalogue.run(Metric.DWELL, MetricRequest.of(from, to, Grouping.SITE))));
        Map<String, String> names = new HashMap<>();
        catalogue.sites().all().forEach(s -> names.put(s.siteId(), lang == ReportLanguage.JA ? s.nameJa() : s.nameEn()));
        return new Report(from, to, lang, kpis, sections, names, catalogue.release().k(),
                catalogue.release().maxNoise());
    }

    private static Report.Section section(String key, ReportLanguage lang, ResultTable t) {
        return new Report.Section(key, lang.word(key), t);
    }
}
