package jp.tabiji.web.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;

/**
 * What a report holds, already released as the API releases it: the key figures (none for a range that is no
 * lattice period) and the tables, each with a title. Every export format is made from this one value, so none can
 * show more than another.
 *
 * @param maxError the most a published cell differs from the exact count (D of the cell-key method)
 */
public record Report(LocalDate from, LocalDate to, ReportLanguage lang, Map<String, Object> kpis,
                     List<Section> sections, Map<String, String> siteNames, int k, int maxError) {
    /** A site's name in the report's language, else its id. */
    public String siteName(String siteId) {
        return siteNames.getOrDefault(siteId, siteId);
    }

    /** How the numbers are protected and how far off they can be, for every file. */
    public String note() {
        return String.format(lang.word("note"), maxError, k);
    }

    /** One table of the report. */
    public record Section(String key, String title, ResultTable table) {
    }
}
