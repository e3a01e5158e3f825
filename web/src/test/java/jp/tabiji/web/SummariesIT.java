package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.web.StatsService.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers from the per-period summaries equal the live counts, are used only while current, and come back after a
 * refresh. 2026-11-02 is a Monday, so the fixture's days make a whole day, week and month.
 */
class SummariesIT {
    @TempDir
    static Path dir;
    private static DashboardFixture fixture;
    private static ClickHouseHttp admin;
    private static Summaries summaries;
    private static StatsService live;
    private static StatsService summarized;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir);
        admin = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api");
        ClickHouseHttp reader = new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api", ClickHouseHttp.READER);
        Sites sites = new Sites(fixture.registry);
        summaries = new Summaries(reader, admin, sites);
        live = new StatsService(reader, sites, DashboardFixture.K);
        summarized = new StatsService(reader, sites, DashboardFixture.K, summaries);
        Thread.sleep(2_100); // rows written within the last second wait for the next refresh
        assertThat(summaries.refresh()).as("periods computed").isPositive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static final List<String> QUERIES = List.of(
            "from=2026-11-02&to=2026-11-03&groupBy=day", "from=2026-11-02&to=2026-11-03&groupBy=site,day",
            "from=2026-11-02&to=2026-11-03&groupBy=day,lang", "from=2026-11-02&to=2026-11-02&groupBy=hour",
            "from=2026-11-02&to=2026-11-02&groupBy=site,hour,lang", "from=2026-11-02&to=2026-11-08&groupBy=week",
            "from=2026-11-02&to=2026-11-08&groupBy=area,week,lang", "from=2026-11-01&to=2026-11-30&groupBy=month",
            "from=2026-11-01&to=2026-11-30&groupBy=site", "from=2026-11-01&to=2026-11-30&groupBy=lang",
            "from=2026-11-02&to=2026-11-08&groupBy=site&area=sendai", "from=2026-11-02&to=2026-11-02&lang=en",
            "from=2026-11-02&to=2026-11-03&groupBy=day&site=castle", "from=2026-10-26&to=2026-11-08&groupBy=week");

    private static Map<String, List<String>> params(String q) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (String kv : q.split("&")) {
            String[] p = kv.split("=");
            params.put(p[0], List.of(p[1]));
        }
        return params;
    }

    private static StatsRequest request(String q) {
        return live.parse(Endpoint.VISITORS, params(q));
    }

    private static List<String> keyColumns(StatsService service, StatsRequest r) {
        List<String> columns = new ArrayList<>(service.run(Endpoint.VISITORS, r).columns());
        columns.removeAll(List.of("lang", "visitors"));
        return columns;
    }

    @Test
    void everyAnswerFromTheSummariesEqualsTheLiveCount() {
        for (String q : QUERIES) {
            StatsRequest r = request(q);
            assertThat(summaries.answer(r, keyColumns(live, r))).as("answered from summaries: " + q).isPresent();
            assertThat(summarized.run(Endpoint.VISITORS, r)).as(q).isEqualTo(live.run(Endpoint.VISITORS, r));
        }
    }

    @Test
    void flowsDwellAndRepeatOverWholePeriodsComeFromTheStoredRowsAndEqualTheLiveOnes() {
        for (String range : List.of("from=2026-11-02&to=2026-11-02", "from=2026-11-02&to=2026-11-08",
                "from=2026-11-01&to=2026-11-30")) {
            StatsRequest r = request(range);
            for (String query : Summaries.periodQueries(r.from(), r.to()).keySet()) {
                assertThat(summaries.periodRows(query, r.from(), r.to())).as(query + " " + range).isPresent();
            }
            for (Endpoint e : List.of(Endpoint.FLOWS, Endpoint.DWELL, Endpoint.REPEAT)) {
                for (String by : List.of("", e == Endpoint.FLOWS ? "&groupBy=lang" : e == Endpoint.DWELL
                        ? "&groupBy=site,bucket" : "")) {
                    StatsRequest q = live.parse(e, params(range + by));
                    assertThat(summarized.run(e, q)).as(e + " " + range + by).isEqualTo(live.run(e, q));
                }
            }
        }
        for (String range : List.of("from=2026-11-02&to=2026-11-02", "from=2026-11-01&to=2026-11-30")) {
            assertThat(summarized.kpis(params(range))).as("key figures " + range).isEqualTo(live.kpis(params(range)));
        }
        assertThat(live.run(Endpoint.FLOWS, live.parse(Endpoint.FLOWS, params("from=2026-11-02&to=2026-11-08")))
                .rows()).as("the fixture's trips are there to compare").isNotEmpty();
        StatsRequest cut = request("from=2026-11-02&to=2026-11-04");
        assertThat(summaries.periodRows("flows", cut.from(), cut.to())).isEmpty();
    }

    @Test
    void rangesThatCutAWeekOrAMonthAreCountedLive() {
        for (String q : List.of("from=2026-11-03&to=2026-11-09&groupBy=week", "from=2026-11-01&to=2026-11-29&groupBy=lang",
                "from=2026-11-02&to=2026-11-05&groupBy=site")) {
            StatsRequest r = request(q);
            assertThat(summaries.answer(r, keyColumns(live, r))).as(q).isEmpty();
            assertThat(summarized.run(Endpoint.VISITORS, r)).as(q).isEqualTo(live.run(Endpoint.VISITORS, r));
        }
    }

    @Test
    void aNewRowMakesItsPeriodsStaleUntilTheNextRefresh() throws Exception {
        StatsRequest day = request("from=2026-11-03&to=2026-11-03&groupBy=site");
        List<String> keys = keyColumns(live, day);
        assertThat(summaries.answer(day, keys)).isPresent();
        admin.execute("INSERT INTO site_day_visitors (site_id, day, device_id, last_event_ms, lang) VALUES "
                + "('castle', '2026-11-03', 'dev-009', 9, 'ko')");
        assertThat(summaries.answer(day, keys)).as("stale: counted live").isEmpty();
        assertThat(summarized.run(Endpoint.VISITORS, day).rows().get(0)).containsExactly("castle", 4L);
        Thread.sleep(2_100);
        assertThat(summaries.refresh()).as("the day, its week and its month").isEqualTo(3);
        assertThat(summaries.answer(day, keys)).isPresent();
        assertThat(summarized.run(Endpoint.VISITORS, day)).isEqualTo(live.run(Endpoint.VISITORS, day));
        assertThat(summarized.run(Endpoint.VISITORS, day).rows().get(0)).containsExactly("castle", 4L);
    }
}
