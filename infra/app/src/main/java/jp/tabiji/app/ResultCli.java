package jp.tabiji.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The commands that show results: the dashboard and API, its users, reports and queries. */
final class ResultCli {
    private ResultCli() {
    }

    @Command(name = "serve", description = "The dashboard and the API (/api/v1, described at /api/docs).")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--bind", paramLabel = "ADDR", description = "address (default: TABIJI_BIND, else 127.0.0.1)")
        String bind;
        @Option(names = "--port", paramLabel = "PORT", description = "port (default: TABIJI_PORT, else 8080)")
        Integer port;
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;
        @Option(names = "--boundaries", paramLabel = "FILE", description = {"administrative boundaries drawn on the "
            + "maps: GeoJSON in longitude/latitude, e.g. 国土数値情報 N03 (default: TABIJI_BOUNDARIES)"})
        Path boundaries;
        @Option(names = "--boundaries-licence", paramLabel = "TEXT", description = {"the boundaries' licence and "
            + "source, shown under every map (default: TABIJI_BOUNDARIES_LICENCE)"})
        String boundariesLicence;

        @Override
        public Integer call() throws Exception {
            return root.commands().serve(bind, port, registry, "", boundaries, boundariesLicence);
        }
    }

    @Command(name = "users", description = "The dashboard's and the API's users.", subcommands = Users.Add.class)
    static final class Users implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "users needs a subcommand: add NAME --role ROLE");
        }

        @Command(name = "add", description = "Add a user (or give one a new token); prints the API token once.")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Users users;
            @Parameters(paramLabel = "NAME", description = "the user's name")
            String name;
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst, ops or admin")
            String role;

            @Override
            public Integer call() throws Exception {
                return users.root.commands().addUser(name, role);
            }
        }
    }

    @Command(name = "opendata", description = {"Publish a range as open data: the AP list in the standard dataset's "
            + "columns and visitors per site and day and language shares per site and month, from released cells only "
            + "(docs/OPENDATA.md).", "Each publication is a new version under OUT/FROM_TO/vN unless the files are "
            + "unchanged; a published version is never rewritten."})
    static final class OpenData implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Mixin
        CliFlags.Days days;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder of the releases")
        Path out;
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;
        @Option(names = "--publisher-code", paramLabel = "CODE", description = "the publisher's 全国地方公共団体コード "
                + "(default: TABIJI_OPENDATA_CODE, else 040002, Miyagi Prefecture)")
        String code;
        @Option(names = "--publisher", paramLabel = "NAME", description = "the publisher's name (default: "
                + "TABIJI_OPENDATA_PUBLISHER, else 宮城県)")
        String name;

        @Override
        public Integer call() throws Exception {
            return root.commands().openData(days.from, days.to, out, registry, code, name);
        }
    }

    @Command(name = "calibrate", description = {"Store a site's reference counts (ticket gates, a people counter, a "
            + "survey; admin-only, never published) and prints the Wi-Fi's capture rate they give.",
            "FILE: CSV lines day,visitors (YYYY-MM-DD,N; a header line is skipped); a day counted before is replaced."})
    static final class Calibrate implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--site", required = true, paramLabel = "SITE", description = "the site id (from the registry)")
        String site;
        @Option(names = "--counts", required = true, paramLabel = "FILE", description = "the reference counts")
        Path counts;
        @Option(names = "--source", paramLabel = "NAME", description = "where they come from (default: ${DEFAULT-VALUE})")
        String source = "reference";
        @Option(names = "--segment", paramLabel = "SEGMENT",
                description = "the counts are of one segment: visitor, commuter, staff or resident (default: all)")
        String segment;
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;

        @Override
        public Integer call() throws Exception {
            return root.commands().calibrate(site, segment, counts, source, registry);
        }
    }

    @Command(name = "report", description = "The dashboard's report of a range, to a file (audited as the OS user).")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Mixin
        CliFlags.Days days;
        @Option(names = "--format", paramLabel = "FORMAT", description = "pdf, xlsx or csv (default: ${DEFAULT-VALUE})")
        String format = "pdf";
        @Option(names = "--lang", paramLabel = "LANG", description = "ja or en (default: ${DEFAULT-VALUE})")
        String lang = "ja";
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the report file")
        Path out;
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;

        @Override
        public Integer call() throws Exception {
            return root.commands().report(days.from, days.to, format, lang, out, registry);
        }
    }

    @Command(name = "query", description = {"One metric from the catalogue, exact under k (the operators' view; "
            + "README.md and docs/SEGMENTS.md).", "hotspots: every AP's status, last seen, clients now and open alerts."})
    static final class Query implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "METRIC", description = "visitors, languages, flows, dwell, repeat or hotspots")
        String metric;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "the first day (not for hotspots)")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "the last day (hotspots: now by default)")
        LocalDate to;
        @Option(names = "--by", paramLabel = "GROUPS", description = {"the grouping, e.g. site,day | day,lang | "
                + "site,week | area,month | hour; ,segment at the end adds rows per segment"})
        String by;
        @Option(names = "--segment", paramLabel = "SEGMENT",
                description = "only visitor, commuter, staff, resident or unknown devices")
        String segment;
        @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or json (default: ${DEFAULT-VALUE})")
        String format = "table";
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;

        @Override
        public Integer call() throws Exception {
            if (metric.equals("hotspots")) {
                if (by != null || segment != null) {
                    throw new ParameterException(spec.commandLine(), "query hotspots takes no --by or --segment");
                }
                return root.commands().hotspots(to, format, registry);
            }
            if (from == null || to == null) {
                throw new ParameterException(spec.commandLine(), "query " + metric + " needs --from and --to");
            }
            CliQuery q = CliQuery.parse(metric, by, segment, from, to);
            return root.commands().query(q, format, registry);
        }
    }
}
