package jp.tabiji.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** `tabiji bench ingest`: parse rates per format (JMH, one core) and publish rate against a raw producer. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "help";
        boolean quick = List.of(args).contains("--quick");
        if (!what.equals("ingest")) {
            System.err.println("usage: tabiji bench ingest [--quick]");
            System.exit(2);
        }
        ingest(quick);
    }

    static void ingest(boolean quick) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("bench ingest: %d cores, Java %s%n", cores, System.getProperty("java.version"));
        Options opts = new OptionsBuilder().include(ParseBenchmark.class.getName())
                .forks(1).threads(1).jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC")
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(opts).run();
        List<String> rows = new ArrayList<>();
        for (RunResult r : results) {
            String format = r.getParams().getParam("format");
            var s = r.getPrimaryResult();
            rows.add(String.format(Locale.ROOT, "| %-16s | %,12.0f | ± %,9.0f |", format, s.getScore(),
                    s.getScoreError()));
        }
        Path tmp = Files.createTempDirectory("tabiji-bench");
        PublishBench.Result pub = PublishBench.run(tmp, quick ? 200_000 : 1_000_000, quick ? 1 : 3);
        System.out.println();
        System.out.println("Parse + pseudonymize, records/s on one core (JMH; a RADIUS record is ~10 lines):");
        System.out.println("| format           |    records/s |     error |");
        System.out.println("|------------------|-------------:|----------:|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.printf(Locale.ROOT, "Publish into the local broker, %,d events, median of rounds:%n", pub.events());
        System.out.printf(Locale.ROOT, "| raw kafka-clients producer, same bytes | %,10.0f events/s |%n", pub.raw());
        System.out.printf(Locale.ROOT, "| Tabiji EventPublisher (encodes too)    | %,10.0f events/s |%n", pub.tabiji());
        System.out.printf(Locale.ROOT, "| ratio (target >= 0.7)                  | %10.2f          |%n", pub.ratio());
    }
}
