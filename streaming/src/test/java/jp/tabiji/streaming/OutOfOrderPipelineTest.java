package jp.tabiji.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.streaming.move.Move;
import jp.tabiji.streaming.visit.SiteDayVisitor;
import jp.tabiji.streaming.visit.SiteHourVisitor;
import jp.tabiji.streaming.visit.Visit;
import jp.tabiji.streaming.visit.VisitSessionizer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input shuffled within the out-of-orderness bound gives exactly the results of sorted input; an event later than
 * the bound goes to the late sink and is counted, and changes no result.
 */
class OutOfOrderPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Duration BOUND = Duration.ofMinutes(2);

    private record Run(Set<String> visits, Set<String> moves, List<byte[]> late, long lateCounted) {
    }

    private static List<WifiEvent> events() {
        List<WifiEvent> evs = new ArrayList<>();
        Random rnd = new Random(3);
        for (int d = 0; d < 40; d++) {
            String dev = String.format("%016x", 500 + d);
            long t = at("08:00") + rnd.nextInt(3_600) * 1000L;
            evs.add(new WifiEvent(t, "st1", "sendai-station", dev, false, EventType.CONNECT, null, "test"));
            evs.add(new WifiEvent(t + 60_000, "st1", "sendai-station", dev, false, EventType.LOGIN,
                    d % 2 == 0 ? "th" : "fr", "test"));
            evs.add(new WifiEvent(t + 30 * 60_000, "st2", "sendai-station", dev, false, EventType.CONNECT, null, "test"));
            evs.add(new WifiEvent(t + 50 * 60_000, "st1", "sendai-station", dev, false, EventType.DISCONNECT, null, "test"));
            evs.add(new WifiEvent(t + 110 * 60_000, "m1", "matsushima", dev, false, EventType.CONNECT, null, "test"));
            evs.add(new WifiEvent(t + 170 * 60_000, "m1", "matsushima", dev, false, EventType.DISCONNECT, null, "test"));
        }
        evs.sort(Comparator.comparingLong(e -> e.ts));
        return evs;
    }

    private static long at(String time) {
        return OffsetDateTime.parse("2026-11-03T" + time + ":00+09:00").toInstant().toEpochMilli();
    }

    /** Each event moved by up to 90 s: never behind a 2-minute watermark. */
    private static List<WifiEvent> shuffledWithinBound(List<WifiEvent> sorted) {
        Random rnd = new Random(7);
        List<long[]> keyed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            keyed.add(new long[] {sorted.get(i).ts + rnd.nextInt(90_000), i});
        }
        keyed.sort(Comparator.comparingLong(k -> k[0]));
        return keyed.stream().map(k -> sorted.get((int) k[1])).toList();
    }

    /**
     * The bounded-out-of-orderness watermark, emitted after every event rather than periodically, so that what is
     * late does not depend on how fast the test source runs.
     */
    static final class EveryEvent implements WatermarkGenerator<byte[]> {
        private long max = Long.MIN_VALUE + BOUND.toMillis() + 1;

        @Override
        public void onEvent(byte[] event, long ts, WatermarkOutput out) {
            max = Math.max(max, ts);
            out.emitWatermark(new Watermark(max - BOUND.toMillis() - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput out) {
        }
    }

    private static Run run(List<WifiEvent> input, int parallelism) throws Exception {
        WifiEventCodec codec = new WifiEventCodec();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<byte[]> stream = env.fromData(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
                        input.stream().map(codec::encode).toArray(byte[][]::new))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<byte[]>forGenerator(c -> new EveryEvent())
                        .withTimestampAssigner((b, t) -> new WifiEventCodec().decode(b).ts)).setParallelism(1);
        CollectingSink<Visit> visits = new CollectingSink<>();
        CollectingSink<Move> moves = new CollectingSink<>();
        CollectingSink<byte[]> late = new CollectingSink<>();
        VisitJob.defineWorkflow(env, stream, ZoneId.of("Asia/Tokyo"), new VisitJob.Sinks(visits,
                new CollectingSink<SiteDayVisitor>(), new CollectingSink<SiteHourVisitor>(), moves,
                new CollectingSink<WifiEvent>(), new CollectingSink<byte[]>(), late));
        JobExecutionResult result = env.execute("out of order");
        Long counted = result.getAccumulatorResult(VisitSessionizer.LATE_ACCUMULATOR);
        return new Run(visits.received().stream().map(v -> v.visitId + ":" + v.endMs + ":" + v.events + ":" + v.lang)
                .collect(Collectors.toSet()), moves.received().stream().map(m -> m.moveId + ":" + m.lang)
                .collect(Collectors.toSet()), late.received(), counted == null ? 0 : counted);
    }

    @Test
    void shuffledWithinTheBoundEqualsSortedAndLaterEventsAreCountedNotLost() throws Exception {
        List<WifiEvent> sorted = events();
        Run reference = run(sorted, 2);
        assertThat(reference.visits()).hasSize(80);
        assertThat(reference.moves()).hasSize(40);
        assertThat(reference.lateCounted()).isZero();

        List<WifiEvent> shuffled = shuffledWithinBound(sorted);
        assertThat(shuffled).isNotEqualTo(sorted);
        Run outOfOrder = run(shuffled, 2);
        assertThat(outOfOrder.visits()).isEqualTo(reference.visits());
        assertThat(outOfOrder.moves()).isEqualTo(reference.moves());

        // an hour behind everything, arriving last. On one path, so that which watermark the sessionizer has seen
        // when it arrives is decided by the input alone (with two paths it races the other path's watermarks)
        List<WifiEvent> withLate = new ArrayList<>(sorted);
        withLate.add(new WifiEvent(sorted.get(0).ts - 3_600_000, "z1", "zuiganji", "00000000000000ff", false,
                EventType.CONNECT, null, "test"));
        Run late = run(withLate, 1);
        assertThat(late.late()).hasSize(1);
        assertThat(new WifiEventCodec().decode(late.late().get(0)).deviceId).isEqualTo("00000000000000ff");
        assertThat(late.lateCounted()).isEqualTo(1);
        assertThat(late.visits()).isEqualTo(reference.visits());
    }
}
