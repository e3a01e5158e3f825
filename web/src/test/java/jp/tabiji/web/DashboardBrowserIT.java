package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the dashboard in Japanese and in English, in Debian's headless Chromium: signed in with a one-time
 * link, it renders from the real API; the charts and their tables hold the fixture's numbers, the console stays
 * silent, and a screenshot of each page is kept in target/screenshots.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path dir;
    private static DashboardFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "overview, ja, 訪問者数, 青葉城",
        "overview, en, Visitors, Aoba Castle",
        "languages, ja, 言語構成の推移, 塩竈港",
        "languages, en, Language share over time, Shiogama Port",
        "movement, ja, 地点間の移動, 塩竈港",
        "movement, en, Flows between sites, Shiogama Port",
        "dwell, ja, 地点別の滞在時間の分布, 青葉城",
        "dwell, en, Dwell per site, Aoba Castle",
        "site/castle, ja, 曜日・時間帯別の訪問者数, 青葉城",
        "site/castle, en, Visitors by weekday and hour, Aoba Castle"})
    void thePageRendersItsDataInTheLanguageAskedFor(String page, String lang, String heading, String siteName)
            throws Exception {
        ChromiumPage.Run run = chromium(page, lang, "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleLines()).as("browser console for " + page + " " + lang).isEmpty();
        assertThat(dom).contains("<html lang=\"" + lang + "\">").contains(heading).contains(siteName)
                .contains(lang.equals("ja") ? "このページの見方" : "How to read this page").doesNotContain("dev-");
        switch (page) {
            case "overview" -> {
                // the tourism pages show visitors (tourists) only: 5 of the day's 6 devices, device 6 is staff
                assertThat(dom).contains("<td>2026-11-02</td><td>5</td>");
                assertThat(series(dom, "visitors")).contains("\"data\":[5,3]");
                String suppressed = lang.equals("ja") ? "秘匿" : "suppressed";
                String visitor = lang.equals("ja") ? "観光客" : "Visitors (tourists)";
                String staff = lang.equals("ja") ? "従業員" : "Staff";
                // and who each site's visitors are: every segment's cell, the port's under k
                String mix = dom.substring(dom.indexOf("id=\"segments-table\""));
                assertThat(mix).contains("<td>" + siteName + "</td><td>" + visitor + "</td><td>5</td>")
                        .contains("<td>" + staff + "</td><td>" + suppressed + "</td>");
                assertThat(dom).contains("<option value=\"visitor\">" + visitor + "</option>");
            }
            case "languages" -> assertThat(series(dom, "share-time")).isNotEmpty();
            case "movement" -> assertThat(dom).contains("<td>3</td><td>3</td>"); // castle → port: 3 trips, 3 travellers
            case "dwell" -> {
                assertThat(series(dom, "dwell")).contains("\"name\":\"0-15\"");
                // the median and p90 in minutes, as the key figure and the buckets are (1800 s and 3000 s)
                assertThat(dom).contains("<td>30</td><td>50</td>").contains(lang.equals("ja") ? "中央値（分）" : "Median (min)");
            }
            // Monday 11:00 had 3 visitors; 10:00 had 2, under k, so it is not drawn at all
            default -> assertThat(series(dom, "heat")).contains("\"data\":[[11,0,3]]");
        }
        Path shot = SCREENSHOTS.resolve(page.replace('/', '-') + "-" + lang + ".png");
        ChromiumPage.Run screenshot = chromium(page, lang, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,2000");
        assertThat(screenshot.exit()).isZero();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @ParameterizedTest
    @CsvSource({"ja, 無通信, 未登録, 青葉城, 通常の時間帯に15分以上受信なし, 最大接続数 12（定員 10）",
        "en, silent, unknown, Aoba Castle, no events for 15 min within its usual hours, peak 12 clients (capacity 10)"})
    void theOperationsPageShowsEveryApWithOpenAlertsFirst(String lang, String silent, String unknown, String site,
                                                          String silentDetail, String overloadDetail) throws Exception {
        ChromiumPage.Run run = chromiumAs("otto", "operations", lang, "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleLines()).as("browser console for operations " + lang).isEmpty();
        assertThat(dom).contains("<html lang=\"" + lang + "\">").contains(site);
        // the hotspot table: open alerts first, each row's status shown in the page's language
        int c1 = dom.indexOf("data-ap=\"c1\"");
        int rogue = dom.indexOf("data-ap=\"rogue-1\"");
        int p1 = dom.indexOf("data-ap=\"p1\"");
        assertThat(c1).isPositive().isLessThan(rogue);
        assertThat(rogue).isLessThan(p1);
        assertThat(dom.substring(c1, rogue)).contains("data-status=\"silent\"").contains(">" + silent + "<");
        assertThat(dom.substring(rogue, p1)).contains(">" + unknown + "<");
        assertThat(dom.substring(p1)).contains("data-values=\"[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,12,5]\"");
        // one point per place, in the colour of its worst status
        assertThat(series(dom, "ap-map")).contains("{\"name\":\"" + silent + "\",\"data\":[{\"name\":\"" + site
                + "\",\"value\":[140.85,38.25],\"label\":\"" + site + ": c1 " + silent + "\"").contains(": p1 ");
        // the alert log in the page's language
        assertThat(dom.substring(dom.indexOf("id=\"alert-log-table\""))).contains(">" + silentDetail + "<")
                .contains(">" + overloadDetail + "<")
                // a controller's spike: its peak failures against its usual rate, not a share of unknown attempts
                .contains(lang.equals("ja") ? ">ログイン失敗 最大37件（基準 20件＝このAPの通常の3倍。成功を記録しない機器）<"
                        : ">up to 37 failed logins in the window (threshold 20, 3 × this AP's usual; its controller "
                        + "logs no successes)<");
        // an ops user sees no visitor statistics, not even their links
        assertThat(dom).doesNotContain("id=\"visitors\"").doesNotContain("dev-");
        Path shot = SCREENSHOTS.resolve("operations-" + lang + ".png");
        ChromiumPage.Run screenshot = chromiumAs("otto", "operations", lang, "--screenshot=" + shot.toAbsolutePath(),
                "--window-size=1280,2000");
        assertThat(screenshot.exit()).isZero();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @ParameterizedTest
    @CsvSource({"ja, 公開済みのリリース, 2026-11-02 〜 2026-11-08 を公開する", "en, Published releases, Publish 2026-11-02 – 2026-11-08"})
    void theOpenDataPageListsEveryReleaseWithItsFilesForAdminsOnly(String lang, String caption, String button)
            throws Exception {
        String file = "040002_wifi_visitors_site_day.csv";
        if (!java.nio.file.Files.exists(fixture.openData.resolve("2026-11-01_2026-11-30/v1"))) {
            new jp.tabiji.web.opendata.OpenDataReleases(fixture.openData, java.time.Clock.systemUTC()).publish(
                    new jp.tabiji.web.opendata.OpenDataBuilder(fixture.catalogue, fixture.registry,
                            jp.tabiji.web.opendata.Publisher.MIYAGI).build(java.time.LocalDate.parse("2026-11-01"),
                            java.time.LocalDate.parse("2026-11-30")));
        }
        ChromiumPage.Run run = chromiumAs("ada", "opendata", lang, "--dump-dom");
        String dom = run.stdout();
        assertThat(run.consoleLines()).as("browser console for opendata " + lang).isEmpty();
        assertThat(dom).contains("<caption>" + caption + "</caption>").contains(">" + button + "<")
                .contains("<td>2026-11-01 – 2026-11-30</td><td>v1</td>")
                .contains("href=\"/api/v1/opendata/2026-11-01_2026-11-30/v1/" + file + "\"");
        Path shot = SCREENSHOTS.resolve("opendata-" + lang + ".png");
        ChromiumPage.Run screenshot = chromiumAs("ada", "opendata", lang, "--screenshot=" + shot.toAbsolutePath(),
                "--window-size=1280,900");
        assertThat(screenshot.exit()).isZero();
        // a viewer has no link to it, and asking for the page shows the overview
        String viewer = chromiumAs("vera", "opendata", lang, "--dump-dom").stdout();
        assertThat(viewer).contains("href=\"#opendata\" data-i18n=\"opendata\" data-role=\"admin\" hidden")
                .doesNotContain("id=\"opendata-releases\"");
    }

    @Test
    void withoutARangeItOpensOnTheLatestEndedWeekWithData() throws Exception {
        // the fixture's logs are on 2026-11-02 (a Monday), its week long over: the page opens on 2026-11-02..08
        ChromiumPage.Run run = chromiumAt("vera", "", "overview", "en", "--dump-dom");
        assertThat(run.consoleLines()).isEmpty();
        assertThat(run.stdout()).contains("<td>2026-11-02</td><td>5</td>").doesNotContain("No data");
        assertThat(series(run.stdout(), "visitors")).contains("\"data\":[5,3]");
    }

    @ParameterizedTest
    @CsvSource({"ja, データがありません, 秘匿", "en, No data, suppressed"})
    void aRangeWithoutIngestedLogsSaysNoDataNotSuppressed(String lang, String noData, String suppressed)
            throws Exception {
        for (String page : List.of("overview", "languages", "movement", "dwell")) {
            ChromiumPage.Run run = chromiumAt("vera", "&from=2025-06-02&to=2025-06-08", page, lang, "--dump-dom");
            assertThat(run.consoleLines()).as(page).isEmpty();
            String dom = run.stdout();
            assertThat(dom).as(page).contains(noData).contains("2026-11-02")
                    .doesNotContain("class=\"tiles\"").doesNotContain("class=\"chart\"");
            // the box explains that it is neither zero nor suppressed; nothing else on the page may say suppressed
            // (the page's help may define the word: it is no cell)
            String outsideTheBox = dom.replaceAll("(?s)<div class=\"no-data\".*?</div>", "")
                    .replaceAll("(?s)<details class=\"help\".*?</details>", "");
            assertThat(outsideTheBox).as(page).doesNotContain(suppressed);
        }
        Path shot = SCREENSHOTS.resolve("no-data-" + lang + ".png");
        ChromiumPage.Run screenshot = chromiumAt("vera", "&from=2025-06-02&to=2025-06-08", "overview", lang,
                "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,800");
        assertThat(screenshot.exit()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"vera, overview, visitormap, ja", "vera, overview, visitormap, en", "vera, movement, flowmap, ja",
        "vera, movement, flowmap, en", "otto, operations, ap-map, ja", "otto, operations, ap-map, en"})
    void everyMapHasLandUnderEverySiteAndNamesItsSources(String user, String page, String map, String lang)
            throws Exception {
        String code = fixture.sessions.oneTimeLink(user, Duration.ofMinutes(2));
        String url = fixture.url("/login/once?code=" + code + "&lang=" + lang + "&from=" + DashboardFixture.DAY1
                + "&to=2026-11-08&page=" + page);
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory(dir, "cdp"), url)) {
            browser.waitFor("typeof charts !== 'undefined' && charts['" + map + "'] !== undefined", Duration.ofSeconds(30));
            // drawn on the geo component with the server's layers, not on longitude/latitude axes
            assertThat(browser.evaluate("charts['" + map + "'].getOption().geo[0].map").asText()).isEqualTo("tabiji");
            assertThat(browser.evaluate("charts['" + map + "'].getOption().xAxis === undefined").asBoolean()).isTrue();
            // every registry site lies on a land feature the map draws (even-odd rule over each polygon's rings)
            JsonNode onLand = browser.evaluate("""
                    (() => { const land = echarts.getMap('tabiji').geoJSON.features
                        .filter(f => f.properties.layer === 'land');
                      const inRing = (r, x, y) => { let c = false;
                        for (let i = 0, j = r.length - 1; i < r.length; j = i++)
                          if ((r[i][1] > y) !== (r[j][1] > y) && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) c = !c;
                        return c; };
                      return Object.values(sites).map(s => s.site_id + '=' + land.some(f => f.geometry.coordinates
                        .some(p => p.filter(r => inRing(r, s.lon, s.lat)).length % 2 === 1))); })()""");
            assertThat(onLand).as("sites on land").hasSize(DashboardFixture.REGISTRY.size() - 1)
                    .allSatisfy(n -> assertThat(n.asText()).endsWith("=true"));
            // the operator's boundaries are drawn too, and every layer's source and licence is named under the map
            assertThat(browser.evaluate("echarts.getMap('tabiji').geoJSON.features.map(f => f.properties.name).join()")
                    .asText()).contains("仙台市青葉区", "塩竈市", "land");
            String sources = browser.evaluate("document.getElementById('" + map + "').nextElementSibling.textContent")
                    .asText();
            assertThat(sources).contains("Natural Earth 1:10m land", "public domain", "boundaries-fixture.geojson",
                    DashboardFixture.BOUNDARIES_LICENCE);
            // every site is a point of the map (by name in the page's language)
            String points = browser.evaluate("JSON.stringify(charts['" + map + "'].getOption().series"
                    + ".filter(s => s.type === 'scatter').flatMap(s => s.data.map(d => d.name)))").asText();
            assertThat(points).contains(lang.equals("ja") ? "青葉城" : "Aoba Castle");
        }
    }

    /** The data-series attribute the page writes on a chart's element. */
    private static String series(String dom, String chartId) {
        return ChromiumPage.series(dom, chartId);
    }

    private static ChromiumPage.Run chromium(String page, String lang, String... mode) throws Exception {
        return chromiumAs("vera", page, lang, mode);
    }

    private static ChromiumPage.Run chromiumAs(String user, String page, String lang, String... mode) throws Exception {
        // the ISO week: distinct counts are published for whole periods
        return chromiumAt(user, "&from=" + DashboardFixture.DAY1 + "&to=2026-11-08", page, lang, mode);
    }

    /** @param range {@code &from=..&to=..}, or empty for the range the dashboard opens on */
    private static ChromiumPage.Run chromiumAt(String user, String range, String page, String lang, String... mode)
            throws Exception {
        return ChromiumPage.open(fixture, dir, user, range, page, lang, mode);
    }
}
