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
        switch (what) {
            case "ingest" -> ingest(quick);
            case "pipeline" -> pipeline(quick);
            case "api" -> api(quick);
            default -> {
                System.err.println("usage: tabiji bench ingest|pipeline|api [--quick]");
                System.exit(2);
            }
        }
    }

    static void pipeline(boolean quick) throws Exception {
        Path tmp = Files.createTempDirectory("tabiji-bench-pipeline");
        PipelineBench.Result r = PipelineBench.run(tmp, quick ? 10_000 : 40_000);
        System.out.printf(Locale.ROOT, "bench pipeline: %,d events (parallelism 2; broker, ClickHouse and Flink on %d "
                + "cores); medians of %d runs, each in its own JVM%n", r.events(),
                Runtime.getRuntime().availableProcessors(), PipelineBench.turns());
        row("(a) Kafka → Flink passthrough P0", "%,.0f events/s", r.passthrough());
        row("(b) full pipeline → ClickHouse + Parquet", "%,.0f events/s", r.pipeline());
        row("(c) ratio (b)/(a)", "%.2f", r.pipeline() / r.passthrough());
        row("(d) ClickHouse sink alone, " + String.format(Locale.ROOT, "%,d", r.sinkRows()) + " rows", "%,.0f rows/s",
                r.sinkRowsPerS());
        row("(e) peak RSS of the JVM running (b)", "%,d MB", r.peakRssMb());
        row("(f) the job's operators, sinks discarding", "%,.0f events/s", r.operators());
        row("(g) ClickHouse Kafka engine → MergeTree", "%,.0f rows/s", r.kafkaEngine());
        row("(h) ratio (b)/(g)", "%.2f", r.pipeline() / r.kafkaEngine());
    }

    private static void row(String label, String format, Object value) {
        System.out.printf(Locale.ROOT, "| %-42s | %18s |%n", label, String.format(Locale.ROOT, format, value));
    }

    static void api(boolean quick) throws Exception {
        Path tmp = Files.createTempDirectory("tabiji-bench-api");
        long visits = Long.getLong("bench.visits", quick ? 1_000_000 : 10_000_000);
        List<ApiBench.Row> rows = ApiBench.run(tmp, visits, Integer.getInteger("bench.repeats", quick ? 20 : 100));
        System.out.printf(Locale.ROOT, "bench api: %,d visits in the year, one month asked for; latency over HTTP%n",
                visits);
        System.out.println("| query | rows | first ms | p50 ms | p95 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (ApiBench.Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", r.query(), r.rows(), r.firstMs(),
                    r.p50Ms(), r.p95Ms());
        }
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
