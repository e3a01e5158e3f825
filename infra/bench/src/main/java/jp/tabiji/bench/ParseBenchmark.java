package jp.tabiji.bench;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.ParseResult;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.MiyagiSites;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + pseudonymize + normalize, per format, on one thread: what one core of an ingest process does per record
 * (format detection included: the decoder runs in auto mode, as the CLI does by default).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    static final int RECORDS = 10_000;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Param({"hostapd-rfc5424", "hostapd-rfc3164", "openwrt-logread", "cisco-9800", "aruba-stm", "radius-detail",
            "portal-json", "portal-csv"})
    public String format;

    private List<String> lines;
    private EdgeProcessor edge;
    private ParseContext ctx;
    private long reference;

    @Setup(Level.Trial)
    public void setUp() {
        lines = BenchLines.generate(format, RECORDS, 42);
        ApRegistry registry = ApRegistry.parse(MiyagiSites.registryCsv().lines().toList(), "bench");
        edge = new EdgeProcessor(new EventNormalizer(registry, new Pseudonymizer(
                "bench-secret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, TOKYO)), OptOutList.empty());
        ctx = new ParseContext(TOKYO, "openwrt-ap");
        reference = java.time.Instant.parse("2026-11-29T00:00:00Z").toEpochMilli();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void parseAndPseudonymize(Blackhole bh) {
        RecordDecoder decoder = new RecordDecoder(LogFormat.AUTO, ctx);
        long n = 0;
        for (String line : lines) {
            decoder.accept(line, ++n, reference, d -> consume(d.result(), bh));
        }
        decoder.finish(d -> consume(d.result(), bh));
    }

    private void consume(ParseResult r, Blackhole bh) {
        if (!(r instanceof ParseResult.Parsed) && !r.toString().contains("CSV header")) {
            throw new IllegalStateException("benchmark input did not parse: " + r);
        }
        bh.consume(edge.process(r));
    }
}
