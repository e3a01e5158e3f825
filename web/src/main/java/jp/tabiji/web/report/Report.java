package jp.tabiji.web.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;

/**
 * What a report holds, already suppressed as the API suppresses: the key figures and the tables, each with a
 * title. Every export format is made from this one value, so none can show more than another.
 */
public record Report(LocalDate from, LocalDate to, ReportLanguage lang, Map<String, Object> kpis,
                     List<Section> sections, Map<String, String> siteNames) {
    /** A site's name in the report's language, else its id. */
    public String siteName(String siteId) {
        return siteNames.getOrDefault(siteId, siteId);
    }

    /** One table of the report. */
    public record Section(String key, String title, ResultTable table) {
    }
}
