package jp.tabiji.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseException;
import jp.tabiji.ingest.privacy.MacMasker;

/** The `tabiji` command: reads configuration, then hands each subcommand to its class. */
public final class TabijiCli {
    static final String USAGE = """
            usage: tabiji COMMAND [options]
              demo [--no-serve]         set up, simulate a few days, replay them, show the results, then serve
                                         the dashboard with a one-time admin sign-in link (on a terminal)
              up | down | status        start, stop or show the local Kafka + ClickHouse stack
              simulate --days N --devices N --seed N --out DIR [--start YYYY-MM-DD] [--background]
                       [--commuters N --staff N --residents N --long-stays N]   (docs/SEGMENTS.md)
                       [--fault outage|overload|login_burst:AP_ID:FROM/TO]...   (local times, e.g. 2026-11-07T10:00)
              replay --input FILE... [--registry FILE] [--jobmanager HOST:PORT] [SOURCE OPTIONS] [HEALTH OPTIONS]
              ingest syslog [--listen udp://127.0.0.1:5514,tcp://127.0.0.1:5514] [--buffer N] [SOURCE OPTIONS]
                       [--tcp-idle-timeout-s 600] [--tcp-max-per-source 16] [--tcp-max-connections 512]
              ingest file PATH... [--id NAME] [SOURCE OPTIONS]   follow log files through rotation, resuming
                                         exactly where it stopped (positions committed with the events)
              ingest radius DIR [--id NAME] [SOURCE OPTIONS]     follow FreeRADIUS detail-* files in DIR
              stream [--jobmanager HOST:PORT] [--parallelism N] [HEALTH OPTIONS]
                                         the live job: embedded until Ctrl-C, or submitted to a Flink cluster
              serve [--bind 127.0.0.1] [--port 8080] [--registry FILE]
                                         the dashboard and the API (/api/v1, described at /api/docs)
              users add NAME --role viewer|analyst|ops|admin   prints a new API token for NAME
              report --from DATE --to DATE --format pdf|xlsx|csv --lang ja|en --out FILE [--registry FILE]
              parse [FILE|-] [--registry FILE] [SOURCE OPTIONS]
                                         one JSON line per record: the event, {"skipped":..} or {"rejected":..}
              query visitors|languages|flows|dwell|repeat --from DATE --to DATE [--by ...[,segment]]
                                         [--segment visitor|commuter|staff|resident] [--format table|csv|json]
                                         [--registry FILE]   (see README.md and docs/SEGMENTS.md)
              query hotspots [--to DATE] [--format table|csv|json] [--registry FILE]
                                         every AP's status, last seen, clients now and open alerts
              test                      run every test (the ./tabiji script does this)
              bench ingest [--quick]    parse rates per format (JMH) and publish rate against a raw producer
              bench pipeline [--quick]  Kafka → Flink passthrough, the whole job, the ClickHouse sink, peak memory
            source options: --format auto|syslog|logread|portal-json|portal-csv|radius-detail  --ap ID (for lines
                           that name no AP)  --reference-time ISO (year inference; default: file mtime)  --opt-out FILE
                           --metrics-port N (ingest: Prometheus /metrics)
            health options: --silent-after-min 15 --usual-days 4 --usual-window-days 7 --overload-after-min 5
                           --login-spike-window-min 10 --login-spike-min-attempts 20 --login-spike-failure-share 0.3
                           --unknown-ap-quiet-h 24 --alert-webhook-file FILE
                           (or TABIJI_ALERT_WEBHOOK; never the URL itself as a flag: flags are public)
            configuration: TABIJI_HOME TABIJI_KAFKA TABIJI_CLICKHOUSE TABIJI_CLICKHOUSE_DB TABIJI_ZONE TABIJI_K
                           TABIJI_PERIOD TABIJI_SECRET TABIJI_SECRET_FILE TABIJI_OPT_OUT TABIJI_SEGMENT_RULES
                           TABIJI_BIND TABIJI_PORT TABIJI_ALERT_WEBHOOK TABIJI_ALERT_WEBHOOK_SECRET
                           TABIJI_METRICS_PORT TABIJI_FLINK_METRICS_PORT (see README.md)
            """;

    private TabijiCli() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv(), System.out, System.err));
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            out.print(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            AppConfig config = AppConfig.fromEnv(env);
            config.ensureHome();
            Commands commands = new Commands(config, env, out, Progress.isTerminal());
            Args args = new Args(rest);
            return switch (argv[0]) {
                case "up" -> commands.up();
                case "down" -> commands.down();
                case "status" -> commands.status();
                case "simulate" -> commands.simulate(args);
                case "replay" -> commands.replay(args);
                case "query" -> commands.query(args);
                case "parse" -> commands.parse(args, System.in);
                case "ingest" -> commands.ingest(args);
                case "stream" -> commands.stream(args);
                case "serve" -> commands.serve(args);
                case "users" -> commands.users(args);
                case "report" -> commands.report(args);
                case "demo" -> commands.demo(args);
                default -> throw new UsageException("unknown command '" + argv[0] + "'\n" + USAGE);
            };
        } catch (UsageException | IllegalArgumentException e) {
            err.println("tabiji: " + MacMasker.mask(e.getMessage()));
            return 2;
        } catch (ClickHouseException e) {
            err.println("tabiji: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            // exception texts can quote input: masked like every other output
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.println("tabiji: " + argv[0] + " failed: " + MacMasker.mask(e.toString()));
            err.print(MacMasker.mask(trace.toString()));
            return 1;
        }
    }
}
