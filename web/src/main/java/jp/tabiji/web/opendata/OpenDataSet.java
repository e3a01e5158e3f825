package jp.tabiji.web.opendata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The data files of one open-data release, before it has a version: what two publications of the same range are
 * compared by (the README and the manifest are written around them once a version is given).
 *
 * @param files  file name → bytes, in the order the README lists them
 * @param months the calendar months the language shares cover (the whole months of the range)
 */
public record OpenDataSet(Publisher publisher, LocalDate from, LocalDate to, List<YearMonth> months, int k,
                          int maxNoise, Map<String, byte[]> files) {
    public String apListName() {
        return publisher.code() + "_public_wireless_lan.csv";
    }

    public String visitorsName() {
        return publisher.code() + "_wifi_visitors_site_day.csv";
    }

    public String languagesName() {
        return publisher.code() + "_wifi_language_share_site_month.csv";
    }

    /** The release's name: its range, {@code 2026-06-01_2026-06-30}. */
    public String range() {
        return from + "_" + to;
    }
}
