package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.registry.LocalGovernmentCode;
import jp.tabiji.web.opendata.OpenDataBuilder;
import jp.tabiji.web.opendata.OpenDataColumns;
import jp.tabiji.web.opendata.OpenDataReleases;
import jp.tabiji.web.opendata.OpenDataSet;
import jp.tabiji.web.opendata.Publisher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open data over the dashboard's fixture (k = 3), read back with Commons CSV, not with our own splitter: the files'
 * schema, that every count is the released cell the API shows, and that a published version is never rewritten.
 */
class OpenDataIT {
    @TempDir
    static Path dir;
    static DashboardFixture fixture;
    static final List<String> REGISTRY = List.of(
            "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,municipal_code,address,ssid",
            "c1,02:00:00:00:01:00,castle,青葉城,Aoba Castle,sendai,38.25,140.85,041009,\"宮城県仙台市青葉区川内1\","
                    + "Miyagi_Free_Wi-Fi",
            "p1,02:00:00:00:02:00,port,塩竈港,\"Shiogama Port, pier 1\",shiogama,38.31,141.02,042030,,=cmd");

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(dir.resolve("fixture"), REGISTRY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static OpenDataSet build(LocalDate from, LocalDate to) {
        return new OpenDataBuilder(fixture.catalogue, fixture.registry, Publisher.MIYAGI).build(from, to);
    }

    /** A file's rows by header name, after checking its byte-order mark, CRLF line ends and exact header. */
    private static List<CSVRecord> read(byte[] file, List<String> header) throws Exception {
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        CSVFormat.RFC4180.parse(new StringReader(text)).stream().findFirst()
                .ifPresent(h -> assertThat(h.toList()).isEqualTo(header));
        for (CSVRecord r : rows) {
            assertThat(r.size()).as("row " + r.getRecordNumber()).isEqualTo(header.size());
            assertThat(LocalGovernmentCode.check(r.get("全国地方公共団体コード"))).isEqualTo("040002");
            assertThat(r.get("地方公共団体名")).isEqualTo("宮城県");
        }
        return rows;
    }

    @Test
    void theApListHasTheStandardColumnsAndNoApMac() throws Exception {
        OpenDataSet set = build(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        for (byte[] f : set.files().values()) {
            String text = new String(f, StandardCharsets.UTF_8).toLowerCase();
            assertThat(text).doesNotContain("02:00:00:00:01:00").doesNotContain("02:00:00:00:02:00")
                    .doesNotContain("020000000100").doesNotContain("dev-");
        }
        List<CSVRecord> aps = read(set.files().get(set.apListName()), OpenDataColumns.AP_LIST);
        assertThat(aps).hasSize(2);
        CSVRecord castle = aps.get(0);
        assertThat(castle.get("ID")).isEqualTo("c1");
        assertThat(castle.get("名称")).isEqualTo("青葉城");
        assertThat(castle.get("名称_英字")).isEqualTo("Aoba Castle");
        assertThat(castle.get("所在地_全国地方公共団体コード")).isEqualTo("041009");
        assertThat(castle.get("所在地_連結表記")).isEqualTo("宮城県仙台市青葉区川内1");
        assertThat(castle.get("緯度")).isEqualTo("38.25");
        assertThat(castle.get("経度")).isEqualTo("140.85");
        assertThat(castle.get("SSID")).isEqualTo("Miyagi_Free_Wi-Fi");
        assertThat(castle.get("備考")).isEqualTo("設置箇所ID: castle");
        CSVRecord port = aps.get(1);
        assertThat(port.get("名称_英字")).as("a comma survives quoting").isEqualTo("Shiogama Port, pier 1");
        assertThat(port.get("所在地_連結表記")).isEmpty();
        assertThat(port.get("SSID")).as("a formula is made inert").isEqualTo("'=cmd");
    }

    @Test
    void everyCountIsTheReleasedCellTheApiShowsAndHiddenCellsAreBlank() throws Exception {
        OpenDataSet set = build(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        assertThat(set.months()).containsExactly(YearMonth.parse("2026-11"));
        Map<String, String> visitors = new TreeMap<>();
        for (CSVRecord r : read(set.files().get(set.visitorsName()), OpenDataColumns.VISITORS_SITE_DAY)) {
            LocalDate.parse(r.get("日付"));
            assertThat(r.get("ID")).isEqualTo(r.get("設置箇所ID") + "_" + r.get("日付"));
            assertThat(r.get("誤差上限")).isEqualTo("0");
            assertThat(r.get("秘匿")).isEqualTo(r.get("訪問者数").isEmpty() ? "1" : "0");
            visitors.put(r.get("設置箇所ID") + " " + r.get("日付"), r.get("訪問者数"));
        }
        // castle: 5 devices on day 1, 3 on day 2; port: 2 devices on day 1, under k = 3
        assertThat(visitors).containsExactlyInAnyOrderEntriesOf(Map.of("castle 2026-11-02", "5",
                "castle 2026-11-03", "3", "port 2026-11-02", ""));
        assertThat(visitors).isEqualTo(apiCells("/api/v1/visitors?from=2026-11-01&to=2026-11-30&groupBy=site,day",
                "day"));
        List<String> shares = new ArrayList<>();
        for (CSVRecord r : read(set.files().get(set.languagesName()), OpenDataColumns.LANGUAGE_SHARE_SITE_MONTH)) {
            assertThat(YearMonth.parse(r.get("年月"))).isEqualTo(YearMonth.parse("2026-11"));
            shares.add(String.join(" ", r.get("設置箇所ID"), r.get("言語"), r.get("訪問者数"), r.get("割合"),
                    r.get("割合_下限"), r.get("割合_上限"), r.get("秘匿")));
        }
        // castle in November: 4 English and 1 Japanese of 5; the port's 2 devices are under k, so is its total
        assertThat(shares).containsExactlyInAnyOrder("castle en 4 80.0 80.0 80.0 0", "castle ja     1",
                "port en     1", "port ko     1");
    }

    /** The API's released visitors by site and a time column, as the file writes them (hidden: blank). */
    private static Map<String, String> apiCells(String path, String time) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.url(path)))
                .header("Authorization", "Bearer " + fixture.viewer).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> cells = new TreeMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("rows").forEach(r ->
                cells.put(r.path("site_id").asText() + " " + r.path(time).asText(),
                        r.path("visitors").isNumber() ? r.path("visitors").asText() : ""));
        return cells;
    }

    @Test
    void aPublishedVersionIsNeverRewrittenAndChangedDataIsTheNextVersion() throws Exception {
        Path out = dir.resolve("releases");
        OpenDataReleases releases = new OpenDataReleases(out, Clock.systemUTC());
        // December holds nothing yet (the other tests read November, so this one's rows stay out of their way)
        LocalDate from = LocalDate.parse("2026-12-01");
        LocalDate to = LocalDate.parse("2026-12-31");
        OpenDataReleases.Published first = releases.publish(build(from, to));
        assertThat(first.created()).isTrue();
        assertThat(first.version()).isEqualTo(1);
        Path v1 = out.resolve("2026-12-01_2026-12-31/v1");
        assertThat(first.dir()).isEqualTo(v1);
        Map<String, byte[]> published = new TreeMap<>();
        try (var files = Files.list(v1)) {
            for (Path f : files.toList()) {
                published.put(f.getFileName().toString(), Files.readAllBytes(f));
                assertThat(Files.getPosixFilePermissions(f)).as(f + " is readable and read-only for everyone")
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                                PosixFilePermission.OTHERS_READ);
            }
        }
        assertThat(published.keySet()).containsExactly("040002_public_wireless_lan.csv",
                "040002_wifi_language_share_site_month.csv", "040002_wifi_visitors_site_day.csv", "README.md",
                "manifest.json");
        String readme = new String(published.get("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("CC BY 4.0").contains("v1").contains("3 未満").contains("040002");

        OpenDataReleases.Published again = releases.publish(build(from, to));
        assertThat(again.created()).as("the same files publish nothing").isFalse();
        assertThat(again.version()).isEqualTo(1);

        // four devices at the port on 1 December: the files change, so they are version 2
        new ClickHouseHttp(fixture.clickhouse.httpUrl(), "api").execute("INSERT INTO site_day_visitors (site_id, day, "
                + "device_id, last_event_ms, lang, random_mac) SELECT 'port', toDate('2026-12-01'), "
                + "concat('dev-10', toString(number)), number, 'en', 0 FROM numbers(4)");
        OpenDataReleases.Published second = releases.publish(build(from, to));
        assertThat(second.created()).isTrue();
        assertThat(second.version()).isEqualTo(2);
        try (var files = Files.list(v1)) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(f)).as(f + " unchanged").isEqualTo(published.get(f.getFileName().toString()));
            }
        }
        assertThat(Files.readString(second.dir().resolve("040002_wifi_visitors_site_day.csv")))
                .contains("port,塩竈港,\"Shiogama Port, pier 1\",042030,2026-12-01,4,0,0");
        assertThat(Files.readString(second.dir().resolve("040002_wifi_language_share_site_month.csv")))
                .contains("042030,2026-12,en,4,100.0,100.0,100.0,0");
        assertThat(releases.list()).extracting(e -> e.range() + " v" + e.version())
                .containsExactly("2026-12-01_2026-12-31 v1", "2026-12-01_2026-12-31 v2");
        assertThat(releases.file("2026-12-01_2026-12-31", 1, "../../fixture")).isNull();
        assertThat(releases.file("2026-12-01_2026-12-31", 2, "README.md")).exists();
    }

    private static java.net.http.HttpResponse<byte[]> call(String method, String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fixture.url(path))).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void adminsPublishListAndDownloadThroughTheApiAndNobodyElseMay() throws Exception {
        String publish = "/api/v1/opendata?from=2026-11-01&to=2026-11-30";
        for (String other : List.of(fixture.viewer, fixture.analyst, fixture.ops)) {
            assertThat(call("POST", publish, other).statusCode()).isEqualTo(403);
            assertThat(call("GET", "/api/v1/opendata", other).statusCode()).isEqualTo(403);
        }
        var created = call("POST", publish, fixture.admin);
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(created.body()).get("version").asInt()).isEqualTo(1);
        var same = call("POST", publish, fixture.admin);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json.readTree(same.body()).get("created").asBoolean()).isFalse();
        var list = json.readTree(call("GET", "/api/v1/opendata", fixture.admin).body()).get("releases");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("range").asText()).isEqualTo("2026-11-01_2026-11-30");
        String file = "/api/v1/opendata/2026-11-01_2026-11-30/v1/040002_wifi_visitors_site_day.csv";
        var download = call("GET", file, fixture.admin);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(fixture.openData.resolve(
                "2026-11-01_2026-11-30/v1/040002_wifi_visitors_site_day.csv")));
        assertThat(call("GET", "/api/v1/opendata/2026-11-01_2026-11-30/v1/..%2F..%2Faudit.log", fixture.admin)
                .statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/opendata?from=2026-11-30&to=2026-11-01", fixture.admin).statusCode())
                .isEqualTo(400);
        assertThat(Files.readString(dir.resolve("fixture/audit.log"))).contains("\"what\":\"opendata\"")
                .contains("\"user\":\"ada\"");
    }
}
