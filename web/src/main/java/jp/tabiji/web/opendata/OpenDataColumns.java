package jp.tabiji.web.opendata;

import java.util.List;

/**
 * The header rows of the open-data files, in one place. The AP list follows デジタル庁's 自治体標準オープンデータセット
 * 「公衆無線LANアクセスポイント一覧」 column for column (as we read its definition; docs/OPENDATA.md); the usage files
 * follow its conventions: the publisher's 全国地方公共団体コード first, an ID per row, Japanese names, ISO dates.
 */
public final class OpenDataColumns {
    public static final List<String> AP_LIST = List.of("全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ",
            "名称_英字", "所在地_全国地方公共団体コード", "町字ID", "所在地_連結表記", "所在地_都道府県", "所在地_市区町村",
            "所在地_町字", "所在地_番地以下", "建物名等(方書)", "緯度", "経度", "設置者", "電話番号", "内線番号",
            "連絡先メールアドレス", "連絡先FormURL", "連絡先備考（その他、SNSなど）", "郵便番号", "SSID", "提供エリア", "URL",
            "備考");

    /** Visitors (distinct devices) of a site in a day. */
    public static final List<String> VISITORS_SITE_DAY = List.of("全国地方公共団体コード", "ID", "地方公共団体名",
            "設置箇所ID", "名称", "名称_英字", "所在地_全国地方公共団体コード", "日付", "訪問者数", "秘匿", "誤差上限");

    /** The languages of a site's visitors in a calendar month. */
    public static final List<String> LANGUAGE_SHARE_SITE_MONTH = List.of("全国地方公共団体コード", "ID", "地方公共団体名",
            "設置箇所ID", "名称", "名称_英字", "所在地_全国地方公共団体コード", "年月", "言語", "訪問者数", "割合",
            "割合_下限", "割合_上限", "秘匿");

    private OpenDataColumns() {
    }
}
