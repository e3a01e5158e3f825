package jp.tabiji.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.streaming.move.Move;
import jp.tabiji.streaming.visit.SiteDayVisitor;
import jp.tabiji.streaming.visit.SiteHourVisitor;
import jp.tabiji.streaming.visit.Visit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new version of the job (here: one more operator) starts from a savepoint the old version took mid-stream,
 * and together the two runs give exactly the results of one uninterrupted run: every stateful operator keeps its
 * uid, and nothing is lost or repeated across the upgrade.
 */
class SavepointUpgradeTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    @TempDir
    static Path savepoints;

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final List<byte[]> EVENTS = events();

    /** 30 devices: Sendai station in the morning, Matsushima at noon, some of them Zuiganji later. */
    private static List<byte[]> events() {
        List<WifiEvent> evs = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            String dev = String.format("%016x", 100 + d);
            int m = d % 20;
            evs.add(ev(dev, "08:%02d".formatted(10 + m), "st1", "sendai-station", EventType.CONNECT, null));
            evs.add(ev(dev, "08:%02d".formatted(12 + m), "st1", "sendai-station", EventType.LOGIN, d % 3 == 0 ? "en" : "ko"));
            evs.add(ev(dev, "09:%02d".formatted(20 + m), "st1", "sendai-station", EventType.DISCONNECT, null));
            evs.add(ev(dev, "11:%02d".formatted(m), "m1", "matsushima", EventType.CONNECT, null));
            evs.add(ev(dev, "12:%02d".formatted(30 + m), "m1", "matsushima", EventType.DISCONNECT, null));
            if (d % 2 == 0) {
                evs.add(ev(dev, "14:%02d".formatted(m), "z1", "zuiganji", EventType.CONNECT, null));
            }
        }
        evs.sort(Comparator.comparingLong(e -> e.ts));
        WifiEventCodec codec = new WifiEventCodec();
        return evs.stream().map(codec::encode).toList();
    }

    private static WifiEvent ev(String device, String time, String ap, String site, EventType type, String lang) {
        long ts = OffsetDateTime.parse("2026-11-03T" + time + ":00+09:00").toInstant().toEpochMilli();
        return new WifiEvent(ts, ap, site, device, false, type, lang, "test");
    }

    /** Event i of the list: the source's position is its checkpointed state. */
    static final class FromList implements GeneratorFunction<Long, byte[]> {
        @Override
        public byte[] map(Long i) {
            return EVENTS.get(i.intValue());
        }
    }

    /** What version 2 adds: an operator that version 1 did not have. */
    static final class PassThrough implements MapFunction<byte[], byte[]> {
        @Override
        public byte[] map(byte[] b) {
            return b;
        }
    }

    private record Outputs(CollectingSink<Visit> visits, CollectingSink<Move> moves,
                           CollectingSink<WifiEvent> archive) {
        Outputs() {
            this(new CollectingSink<>(), new CollectingSink<>(), new CollectingSink<>());
        }
    }

    private static JobClient start(Outputs out, boolean version2, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        // a few records per checkpoint: slow enough to stop it half way
        DataGeneratorSource<byte[]> source = new DataGeneratorSource<>(new FromList(), EVENTS.size(),
                RateLimiterStrategy.perCheckpoint(10), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        WatermarkStrategy<byte[]> wm = WatermarkStrategy.<byte[]>forBoundedOutOfOrderness(Duration.ofMinutes(2))
                .withTimestampAssigner((b, t) -> new WifiEventCodec().decode(b).ts);
        DataStream<byte[]> events = env.fromSource(source, wm, "events").uid("events-source").setParallelism(1);
        if (version2) {
            events = events.map(new PassThrough()).uid("v2-pass-through").setParallelism(1);
        }
        VisitJob.defineWorkflow(env, events, TOKYO, new VisitJob.Sinks(out.visits(), new CollectingSink<SiteDayVisitor>(),
                new CollectingSink<SiteHourVisitor>(), out.moves(), out.archive(), new CollectingSink<byte[]>(),
                new CollectingSink<byte[]>()));
        return env.executeAsync(version2 ? "tabiji v2" : "tabiji v1");
    }

    @Test
    void version2RestoresFromAVersion1SavepointWithNothingLostOrRepeated() throws Exception {
        Outputs reference = new Outputs();
        start(reference, false, null).getJobExecutionResult().get();

        Outputs upgraded = new Outputs();
        JobClient v1 = start(upgraded, false, null);
        while (upgraded.archive().received().size() < EVENTS.size() / 2) {
            Thread.sleep(20);
        }
        String savepoint = v1.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
        int beforeUpgrade = upgraded.archive().received().size();
        assertThat(beforeUpgrade).as("stopped part way").isLessThan(EVENTS.size());
        start(upgraded, true, savepoint).getJobExecutionResult().get();

        assertThat(upgraded.archive().received()).as("each event archived once across the upgrade")
                .hasSize(EVENTS.size());
        assertThat(upgraded.visits().received()).as("no visit emitted twice").hasSize(75);
        assertThat(upgraded.moves().received()).as("no move emitted twice").hasSize(45);
        assertThat(ids(upgraded.visits().received(), v -> v.visitId + v.endMs + v.lang))
                .isEqualTo(ids(reference.visits().received(), v -> v.visitId + v.endMs + v.lang)).hasSize(75);
        assertThat(ids(upgraded.moves().received(), m -> m.moveId + m.lang))
                .isEqualTo(ids(reference.moves().received(), m -> m.moveId + m.lang)).hasSize(45);
    }

    private static <T> Set<String> ids(List<T> items, java.util.function.Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
