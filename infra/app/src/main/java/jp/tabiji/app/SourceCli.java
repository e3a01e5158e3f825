package jp.tabiji.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.tabiji.ingest.simulate.EventCrowd;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The commands that make, read and publish access-point logs. */
final class SourceCli {
    private SourceCli() {
    }

    @Command(name = "simulate", description = {"Write a simulated workload: hostapd.log, portal.jsonl, registry.csv "
            + "and truth.json, the exact answers the pipeline must give (docs/SEGMENTS.md for the population)."})
    static final class Simulate implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the files go")
        Path out;
        @Option(names = "--days", paramLabel = "N", description = "days (default: ${DEFAULT-VALUE})")
        int days = 3;
        @Option(names = "--devices", paramLabel = "N", description = "tourists' devices (default: ${DEFAULT-VALUE})")
        int devices = 2000;
        @Option(names = "--seed", paramLabel = "N", description = "the seed (default: ${DEFAULT-VALUE})")
        long seed = 1;
        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "the first day (default: ${DEFAULT-VALUE})")
        LocalDate start = LocalDate.parse("2026-11-02");
        @Option(names = "--background", description = "steady passers-by at every AP (for hotspot health)")
        boolean background;
        @Option(names = "--commuters", paramLabel = "N", description = "commuters (default: ${DEFAULT-VALUE})")
        int commuters;
        @Option(names = "--staff", paramLabel = "N", description = "staff at the sites (default: ${DEFAULT-VALUE})")
        int staff;
        @Option(names = "--residents", paramLabel = "N", description = "residents (default: ${DEFAULT-VALUE})")
        int residents;
        @Option(names = "--long-stays", paramLabel = "N",
                description = "tourists of long stays and onsen guests of several nights (default: ${DEFAULT-VALUE})")
        int longStays;
        @Option(names = "--fault", paramLabel = "KIND:AP:FROM/TO",
                description = {"outage, overload or login_burst at an AP, local times, repeatable;",
                        "e.g. overload:sendai-station-ap01:2026-11-04T13:00/2026-11-04T13:20"})
        List<String> faults = new ArrayList<>();
        @Option(names = "--event-crowd", paramLabel = "NAME:FROM/TO:SITES:PER_DAY[:NEXT]",
                description = {"an event's extra visitors per site and day, half going on to NEXT, repeatable;",
                        "e.g. festival:2026-11-22/2026-11-23:matsushima:150:zuiganji"})
        List<String> crowds = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Commands c = root.commands();
            List<EventCrowd> parsed = new ArrayList<>();
            for (String spec : crowds) {
                try {
                    parsed.add(EventCrowd.parse(spec));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("simulate: " + e.getMessage());
                }
            }
            WorkloadSimulator.Options o = c.simulation(days, devices, seed, start, background, faults)
                    .withPopulation(new WorkloadSimulator.Population(commuters, staff, residents, longStays))
                    .withCrowds(parsed);
            return c.simulate(out, o);
        }
    }

    @Command(name = "replay", description = {"Publish log files into Kafka and run the job over them until every "
            + "event is in ClickHouse and the archive (embedded, or on a Flink cluster)."})
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE", description = "log files")
        List<Path> inputs;
        @Option(names = "--registry", paramLabel = "FILE",
                description = "the AP registry CSV (default: the last one given)")
        Path registry;
        @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "a Flink cluster's REST address")
        String jobManager;
        @Mixin
        CliFlags.Source source;
        @Mixin
        CliFlags.Health health;

        @Override
        public Integer call() throws Exception {
            return root.commands().replay(inputs, registry, source, health, jobManager);
        }
    }

    @Command(name = "ingest", description = "Publish a live source into Kafka until Ctrl-C.",
            subcommands = {Ingest.Syslog.class, Ingest.Files.class, Ingest.Radius.class})
    static final class Ingest implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "ingest needs a source: syslog, file PATH... or radius DIR");
        }

        @Command(name = "syslog", description = "Listen for syslog (RFC 3164/5424) over UDP and TCP.")
        static final class Syslog implements Callable<Integer> {
            @ParentCommand
            Ingest ingest;
            @Option(names = "--listen", paramLabel = "URLS",
                    description = "comma-separated udp:// and tcp:// addresses (default: ${DEFAULT-VALUE})")
            String listen = "udp://127.0.0.1:5514,tcp://127.0.0.1:5514";
            @Option(names = "--buffer", paramLabel = "N", description = "messages queued before drops (default 100000)")
            Integer buffer;
            @Option(names = "--tcp-idle-timeout-s", paramLabel = "S", description = "idle TCP close (default 600)")
            Integer tcpIdleTimeoutS;
            @Option(names = "--tcp-max-connections", paramLabel = "N", description = "TCP connections (default 512)")
            Integer tcpMaxConnections;
            @Option(names = "--tcp-max-per-source", paramLabel = "N", description = "per sender address (default 16)")
            Integer tcpMaxPerSource;
            @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
            Path registry;
            @Mixin
            CliFlags.Source source;
            @Mixin
            CliFlags.Live live;

            @Override
            public Integer call() throws Exception {
                Commands c = ingest.root.commands();
                return c.ingest().syslog(new IngestCommand.SyslogFlags(listen, buffer, tcpIdleTimeoutS,
                        tcpMaxConnections, tcpMaxPerSource), live, c.sourceOptions(source, registry));
            }
        }

        @Command(name = "file", description = {"Follow log files through rotation, resuming exactly where it "
                + "stopped (positions committed with the events)."})
        static final class Files implements Callable<Integer> {
            @ParentCommand
            Ingest ingest;
            @Parameters(arity = "1..*", paramLabel = "PATH", description = "the files")
            List<Path> paths;
            @Option(names = "--id", paramLabel = "NAME", description = "the source's name (default: from the paths)")
            String id;
            @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
            Path registry;
            @Mixin
            CliFlags.Source source;
            @Mixin
            CliFlags.Live live;

            @Override
            public Integer call() throws Exception {
                Commands c = ingest.root.commands();
                return c.ingest().files(paths, id, live, c.sourceOptions(source, registry));
            }
        }

        @Command(name = "radius", description = "Follow FreeRADIUS detail-* files in a directory.")
        static final class Radius implements Callable<Integer> {
            @ParentCommand
            Ingest ingest;
            @Parameters(paramLabel = "DIR", description = "FreeRADIUS's detail directory")
            Path dir;
            @Option(names = "--id", paramLabel = "NAME", description = "the source's name (default: from DIR)")
            String id;
            @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
            Path registry;
            @Mixin
            CliFlags.Source source;
            @Mixin
            CliFlags.Live live;

            @Override
            public Integer call() throws Exception {
                Commands c = ingest.root.commands();
                return c.ingest().radius(dir, id, live, c.sourceOptions(source, registry));
            }
        }
    }

    @Command(name = "stream", description = {"The live job: embedded until Ctrl-C, or submitted to a Flink cluster."})
    static final class Stream implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "a Flink cluster's REST address")
        String jobManager;
        @Option(names = "--parallelism", paramLabel = "N", description = "the job's parallelism (default: ${DEFAULT-VALUE})")
        int parallelism = 2;
        @Mixin
        CliFlags.Health health;

        @Override
        public Integer call() throws Exception {
            return root.commands().stream(jobManager, parallelism, health);
        }
    }

    @Command(name = "parse", description = {"Parse one log file (or standard input) and print one JSON line per "
            + "record: the event, {\"skipped\":..} or {\"rejected\":..}; nothing is published."})
    static final class Parse implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "the file, or - for standard input (default)")
        String file = "-";
        @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
        Path registry;
        @Mixin
        CliFlags.Source source;

        @Override
        public Integer call() throws Exception {
            return root.commands().parse(file, registry, source, root.stdin());
        }
    }
}
