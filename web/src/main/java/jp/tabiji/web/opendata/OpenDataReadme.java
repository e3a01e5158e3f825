package jp.tabiji.web.opendata;

import java.time.YearMonth;
import java.util.stream.Collectors;

/** The README.md of a release, in Japanese and English: licence, definitions, protection, error bounds, files. */
final class OpenDataReadme {
    private OpenDataReadme() {
    }

    static String text(OpenDataSet d, int version) {
        String months = d.months().isEmpty() ? "なし（範囲に暦月全体が含まれない） / none (no whole calendar month in the range)"
                : d.months().stream().map(YearMonth::toString).collect(Collectors.joining(", "));
        int m = d.maxNoise();
        return """
                # %1$s 公衆無線LAN 利用状況オープンデータ / Free public Wi-Fi usage, open data

                * 公開者 / publisher: %1$s（全国地方公共団体コード %2$s）
                * 対象期間 / period: %3$s 〜 %4$s（言語別割合の対象月 / months of the language shares: %5$s）
                * 版 / version: v%6$d。公開した版は変更しません。訂正・追加は新しい版として公開します（manifest.json に各ファイルの
                  SHA-256）。 A published version is never changed; a correction is a new version (manifest.json holds
                  each file's SHA-256).
                * 文字コード UTF-8（BOM付き）、改行 CRLF、日付 ISO 8601（YYYY-MM-DD、年月は YYYY-MM）。
                  UTF-8 with a byte-order mark, CRLF, ISO 8601 dates.

                ## ライセンス / Licence

                クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0, https://creativecommons.org/licenses/by/4.0/deed.ja）。
                政府標準利用規約（第2.0版）と互換です。出典の記載例：「出典：%1$s 公衆無線LAN 利用状況オープンデータ（v%6$d）」
                Licensed under CC BY 4.0; attribute as "Source: %1$s, free public Wi-Fi usage open data (v%6$d)".

                ## ファイル / Files

                * `%7$s` — 公衆無線LANアクセスポイント一覧（自治体標準オープンデータセットの項目順）。アクセスポイントの
                  MACアドレスは含みません。備考の「設置箇所ID」で利用状況ファイルと結び付きます。 The access-point list in
                  the standard dataset's columns, without AP MAC addresses; 備考 names the site id the usage files use.
                * `%8$s` — 設置箇所・日ごとの訪問者数。 Visitors per site and day.
                * `%9$s` — 設置箇所・月ごとの言語別訪問者数と割合。 Visitors per site, month and language, and their share.

                ## 定義 / Definitions

                * 訪問者数：その日（月）に、その設置箇所のアクセスポイントで一度でも記録された端末の数（日本時間）。人数ではなく
                  端末数です。端末の識別子は月ごとに変わる仮名で、MACアドレスは保存も公開もしていません。
                  Visitors: distinct devices with at least one event at the site's access points in the day (month),
                  Japan time. Devices, not people; device ids are pseudonyms renewed every month, and no MAC address is
                  kept or published.
                * 言語：端末がポータルのログイン時に示した表示言語（BCP 47 の言語タグ。zh-Hans は簡体字、zh-Hant は繁体字
                  中国語）。unknown はログインがなく言語の分からない端末です。割合 = 言語別訪問者数 ÷ その設置箇所の月の
                  訪問者数（%%、公表値どうしの比）。一台が複数の言語を示すと合計は100%%を超えることがあります。
                  Language: the display language a device showed at the portal's login (a BCP 47 tag; zh-Hans and
                  zh-Hant are Simplified and Traditional Chinese); unknown: a device that never logged in. Share =
                  that language's visitors ÷ the site's visitors in the month, in percent, a ratio of two published
                  cells.

                ## 秘匿と誤差 / How cells are protected, and error bounds

                * 訪問者数が %10$d 未満のセルは値を空欄にし「秘匿」を 1 とします（0 は公表します）。
                  A cell under %10$d devices is left blank with 秘匿 = 1 (zero is published as 0).
                * すべての公表値にはセルごとに決まった ±%11$d 以内の撹乱（セルキー法）を加えています。同じセルはダッシュボード、
                  API、報告書、このオープンデータのどこでも同じ値で、何度求めても平均で打ち消すことはできません。
                  Every published count carries a fixed perturbation of at most ±%11$d per cell (the cell-key method):
                  the same cell has the same value in the dashboard, the API, reports and this open data, so repeated
                  or combined requests cannot average it away. 誤差上限 is that bound.
                * 割合の真の値は 割合_下限〜割合_上限 の範囲にあります（(l−%11$d)/(v+%11$d) 〜 (l+%11$d)/(v−%11$d)）。
                  The exact share lies between 割合_下限 and 割合_上限.
                * Wi-Fi を使わない来訪者は数えられません。来訪者総数の推計ではありません。
                  Visitors who do not use the Wi-Fi are not counted: these are not estimates of all visitors.
                """.formatted(d.publisher().name(), d.publisher().code(), d.from(), d.to(), months, version,
                d.apListName(), d.visitorsName(), d.languagesName(), d.k(), m);
    }
}
