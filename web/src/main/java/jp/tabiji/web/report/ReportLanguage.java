package jp.tabiji.web.report;

import java.util.Locale;
import java.util.Map;

/** The words of a report in Japanese or English: titles, column headings, site names. */
public enum ReportLanguage {
    JA(Map.ofEntries(Map.entry("title", "観光Wi-Fi 利用動向レポート"), Map.entry("period", "対象期間"),
            Map.entry("kpis", "主要指標"), Map.entry("visitors", "訪問者数"), Map.entry("foreign_share", "外国人比率"),
            Map.entry("median_dwell_s", "滞在時間（中央値、秒）"), Map.entry("repeat_rate", "リピート率"),
            Map.entry("daily", "日別訪問者数"), Map.entry("sites", "地点別訪問者数"), Map.entry("languages", "言語別訪問者数"),
            Map.entry("routes", "主な移動経路"), Map.entry("dwell", "地点別滞在時間"), Map.entry("day", "日付"),
            Map.entry("site_id", "地点"), Map.entry("lang", "言語"), Map.entry("origin_site_id", "出発地"),
            Map.entry("destination_site_id", "到着地"), Map.entry("trips", "移動数"), Map.entry("travellers", "移動者数"),
            Map.entry("visits", "訪問数"), Map.entry("p90_dwell_s", "滞在時間（90%点、秒）"),
            Map.entry("suppressed", "秘匿"), Map.entry("note", "個人が特定されないよう、人数・訪問数・移動数には±%d以内の誤差（公表ごとに変わらない、セルキー法）を"
                    + "加え、%d未満の値は秘匿しています。日・週・月でない期間の移動数と訪問数は日別公表値の合計です。"),
            Map.entry("sitesDaily", "地点別・日別訪問者数"), Map.entry("languagesDaily", "日別・言語別訪問者数"),
            Map.entry("kpisLattice", "主要指標（重複のない人数）は日・週（月〜日）・月の単位で公表されます。"),
            Map.entry("unavailable", "—"), Map.entry("private_mac_share", "プライベートアドレスの割合"),
            Map.entry("segment", "区分"))),
    EN(Map.ofEntries(Map.entry("title", "Visitor Wi-Fi trends report"), Map.entry("period", "Period"),
            Map.entry("kpis", "Key figures"), Map.entry("visitors", "Visitors"), Map.entry("foreign_share", "Foreign share"),
            Map.entry("median_dwell_s", "Median dwell (s)"), Map.entry("repeat_rate", "Repeat rate"),
            Map.entry("daily", "Visitors per day"), Map.entry("sites", "Visitors per site"),
            Map.entry("languages", "Visitors by language"), Map.entry("routes", "Top routes"),
            Map.entry("dwell", "Dwell per site"), Map.entry("day", "Day"), Map.entry("site_id", "Site"),
            Map.entry("lang", "Language"), Map.entry("origin_site_id", "From"), Map.entry("destination_site_id", "To"),
            Map.entry("trips", "Trips"), Map.entry("travellers", "Travellers"), Map.entry("visits", "Visits"),
            Map.entry("p90_dwell_s", "p90 dwell (s)"), Map.entry("suppressed", "suppressed"),
            Map.entry("note", "So that no one can be singled out, counts of people, visits and trips carry a fixed error "
                    + "of at most ±%d (the cell-key method) and values under %d are suppressed. For a range that is no "
                    + "day, week or month, trips and visits are the sum of the released days."),
            Map.entry("sitesDaily", "Visitors per site and day"), Map.entry("languagesDaily", "Visitors per day by language"),
            Map.entry("kpisLattice", "Key figures (distinct people) are published for whole days, ISO weeks and months."),
            Map.entry("unavailable", "—"), Map.entry("private_mac_share", "Private-address share"),
            Map.entry("segment", "Segment")));

    private final Map<String, String> words;

    ReportLanguage(Map<String, String> words) {
        this.words = words;
    }

    public static ReportLanguage parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "ja" -> JA;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("lang must be ja or en, not '" + s + "'");
        };
    }

    public String word(String key) {
        return words.getOrDefault(key, key);
    }

    public Locale locale() {
        return this == JA ? Locale.JAPAN : Locale.UK;
    }
}
