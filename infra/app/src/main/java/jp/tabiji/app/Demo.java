package jp.tabiji.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.analytics.hotspots.AlertEntry;
import jp.tabiji.analytics.hotspots.HotspotBoard;

/** `tabiji demo`: the whole product in one command on a fresh machine. */
final class Demo {
    /** The first simulated day. */
    static final LocalDate START = LocalDate.of(2026, 11, 2);
    private final AppConfig config;
    private final Commands commands;
    private final PrintStream out;

    Demo(AppConfig config, Commands commands, PrintStream out) {
        this.config = config;
        this.commands = commands;
        this.out = out;
    }

    int run(int days, int devices, int seed) throws Exception {
        Path dir = config.home().resolve("demo");
        LocalDate start = START;
        LocalDate end = start.plusDays(days - 1);
        out.println("Tabiji turns the logs of a region's free public Wi-Fi into visitor trends for its tourism office:\n"
                + "who visits which site on which day, in which language. This demo simulates Miyagi's Wi-Fi logs\n"
                + "(client MACs are pseudonymized at ingest and never stored), runs them through Kafka, Flink and\n"
                + "ClickHouse, and prints the results and the hotspot alerts they raised.\n");
        step("1/4 starting the local stack (a Kafka broker and a ClickHouse server, data in " + config.home() + ")");
        commands.ensureStack();
        step("2/4 simulating " + days + " days of Miyagi's free Wi-Fi (" + devices + " tourists' devices, seed " + seed
                + "; on the last day an overloaded AP and a burst of failed logins, for the operations alerts)");
        // two faults on the last day, for the operations page and the alerts to show
        commands.simulate(dir, new WorkloadSimulator.Options(days, devices, seed, start, config.zone(), config.period(),
                false, Commands.faults(List.of("overload:sendai-station-ap01:" + end + "T13:00/" + end + "T13:20",
                "login_burst:zuiganji-ap01:" + end + "T15:00/" + end + "T15:05"), config.zone())));
        step("3/4 replaying the logs through Kafka → Flink → ClickHouse");
        commands.replay(List.of(dir.resolve("hostapd.log"), dir.resolve("portal.jsonl")), dir.resolve("registry.csv"),
                new CliFlags.Source(), new CliFlags.Health(), null);
        step("4/4 results (cells under k=" + config.k() + " devices are suppressed)");
        out.println("\nVisitors per site and day / 観光地別・日別の訪問者数");
        commands.query(CliQuery.parse("visitors", "site,day", null, start, end), "table", null);
        out.println("\nLanguage mix of the region's visitors per day / 日別の言語構成");
        commands.query(CliQuery.parse("visitors", "day,lang", null, start, end), "table", null);
        out.println("\nHotspot alerts raised / アクセスポイントのアラート");
        printAlerts(20);
        out.println("""

                Next, try:
                  ./tabiji query visitors --from %1$s --to %2$s --by site,day,lang
                  ./tabiji query visitors --from %1$s --to %2$s --format csv
                  ./tabiji query visitors --from %1$s --to %2$s --by site,day,segment   (tourists, commuters, staff, residents)
                  ./tabiji query flows --from %1$s --to %2$s        (where visitors go next)
                  ./tabiji query dwell --from %1$s --to %2$s        (how long they stay)
                  ./tabiji query languages --from %1$s --to %2$s --by hour,lang
                  ./tabiji query hotspots --format csv      (every AP's status, clients now, open alerts)
                  ./tabiji simulate --days 7 --devices 5000 --seed 7 --out /tmp/week
                  ./tabiji replay --input /tmp/week/hostapd.log /tmp/week/portal.jsonl --registry /tmp/week/registry.csv
                  ./tabiji parse %3$s/hostapd.log | head      (what ingest makes of each line)
                  ./tabiji ingest syslog    (then: logger -n 127.0.0.1 -P 5514 -t hostapd "wlan0: AP-STA-CONNECTED ...")
                  ./tabiji status        ./tabiji down
                The simulator's exact answers are in %3$s/truth.json; the events as Parquet, for analysts, in
                %4$s
                """.formatted(start, end, dir, config.archive()));
        return 0;
    }

    /** The latest hotspot alerts, one line each (the demo shows what its injected faults raised). */
    /** The latest hotspot alerts, one line each: what the injected faults raised. */
    private void printAlerts(int limit) {
        ClickHouseHttp ch = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(config.zone());
        for (AlertEntry e : new HotspotBoard(ch, ApRegistry.empty()).log(null, limit)) {
            String cleared = e.clearedMs() == null ? ", still open" : ", cleared "
                    + minute.format(Instant.ofEpochMilli(e.clearedMs())).substring(11);
            out.printf("  %-20s %-22s opened %s%s  %s%n", e.kind(), e.apId(),
                    minute.format(Instant.ofEpochMilli(e.openedMs())), cleared, e.detail());
        }
    }

    private void step(String s) {
        out.println("==> " + s);
    }
}
