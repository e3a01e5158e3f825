package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A registry whose site names are markup, as an operator's mistake or a poisoned import would make them: on every
 * page, with every chart's tooltip shown, nothing of it becomes an element or runs; and every response carries the
 * content security policy that would stop it if it did.
 */
class HostileRegistryBrowserIT {
    private static final String PAYLOAD = "<img src=x onerror=window.__xss=1>";
    @TempDir
    static Path dir;
    private static DashboardFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir, List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon",
                "c1,02:00:00:00:01:00,castle," + PAYLOAD + "青葉城," + PAYLOAD + "Aoba Castle,sendai,38.25,140.85",
                "p1,02:00:00:00:02:00,port,<b id=injected>塩竈港</b>,<b id=injected>Shiogama Port</b>,shiogama,"
                        + "38.31,141.02"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"vera, overview", "vera, movement", "vera, dwell", "vera, languages", "vera, site/castle",
        "otto, operations"})
    void everyTooltipShowsNamesAsText(String user, String page) throws Exception {
        String code = fixture.sessions.oneTimeLink(user, Duration.ofMinutes(2));
        String url = fixture.url("/login/once?code=" + code + "&lang=en&from=" + DashboardFixture.DAY1
                + "&to=2026-11-08&page=" + page);
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory(dir, "cdp"), url)) {
            browser.waitFor("typeof charts !== 'undefined' && Object.keys(charts).length > 0"
                    + " && document.querySelectorAll('table tbody tr').length > 0", Duration.ofSeconds(30));
            // every data point of every chart hovered in turn: the formatters and the default tooltips all run
            int shown = browser.evaluate("""
                    (async () => { let n = 0;
                      for (const c of Object.values(charts)) {
                        const series = c.getOption().series || [];
                        for (let s = 0; s < series.length; s++) {
                          const data = series[s].data || [];
                          for (let d = 0; d < Math.min(data.length, 10); d++) {
                            c.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: d }); n++;
                            await new Promise(r => setTimeout(r, 20));
                          }
                        }
                      }
                      return n; })()""").asInt();
            assertThat(shown).as("tooltips shown on " + page).isPositive();
            assertThat(browser.evaluate("window.__xss === undefined").asBoolean()).as("script ran").isTrue();
            assertThat(browser.evaluate("document.querySelectorAll('img[src=\"x\"], #injected').length").asInt())
                    .as("registry markup became elements on " + page).isZero();
            // the tables sit behind "show table": opened as a reader would, so their text is rendered too
            browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true), true");
            assertThat(browser.evaluate("document.body.innerText.includes('<b id=injected>')"
                    + " || document.body.innerText.includes('" + PAYLOAD + "')").asBoolean())
                    .as("the names are shown as the text they are").isTrue();
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/app.js", "/swagger.html", "/api/v1/visitors", "/login/once?code=x")) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(fixture.url(path))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self';")
                            .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }
}
