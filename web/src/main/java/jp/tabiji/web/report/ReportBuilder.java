package jp.tabiji.web.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.web.StatsRequest;
import jp.tabiji.web.StatsRequest.Group;
import jp.tabiji.web.StatsService;
import jp.tabiji.web.StatsService.Endpoint;

/** Gathers a report's figures and tables from {@link StatsService}, with the API's suppression. */
public final class ReportBuilder {
    private static final int TOP_ROUTES = 20;
    private final StatsService stats;

    public ReportBuilder(StatsService stats) {
        this.stats = stats;
    }

    public Report build(LocalDate from, LocalDate to, ReportLanguage lang) {
        Map<String, Object> kpis = stats.kpis(Map.of("from", List.of(from.toString()), "to", List.of(to.toString())));
        List<Report.Section> sections = new ArrayList<>();
        sections.add(section("daily", lang, stats.run(Endpoint.VISITORS, request(from, to, Group.DAY))));
        sections.add(section("sites", lang, stats.run(Endpoint.VISITORS, request(from, to, Group.SITE))));
        sections.add(section("languages", lang, stats.run(Endpoint.LANGUAGES, request(from, to, Group.LANG))));
        ResultTable routes = stats.run(Endpoint.FLOWS, request(from, to));
        sections.add(section("routes", lang, new ResultTable(routes.columns(),
                routes.rows().subList(0, Math.min(TOP_ROUTES, routes.rows().size())), routes.deviceCountColumns(),
                routes.k())));
        sections.add(section("dwell", lang, stats.run(Endpoint.DWELL, request(from, to, Group.SITE))));
        Map<String, String> names = new java.util.HashMap<>();
        stats.sites().all().forEach(s -> names.put(s.siteId(), lang == ReportLanguage.JA ? s.nameJa() : s.nameEn()));
        return new Report(from, to, lang, kpis, sections, names);
    }

    private static Report.Section section(String key, ReportLanguage lang, ResultTable t) {
        return new Report.Section(key, lang.word(key), t);
    }

    private static StatsRequest request(LocalDate from, LocalDate to, Group... groups) {
        EnumSet<Group> g = EnumSet.noneOf(Group.class);
        g.addAll(List.of(groups));
        return new StatsRequest(from, to, null, null, null, g);
    }
}
