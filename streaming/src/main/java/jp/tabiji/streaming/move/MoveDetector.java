package jp.tabiji.streaming.move;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import jp.tabiji.streaming.visit.Visit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per device: pairs each visit with the one before it and emits a {@link Move} when they are at different sites
 * at most {@code maxGap} apart. A device's visits arrive in start order (the sessionizer closes them in order),
 * so one visit of state is enough. Computed in Flink rather than in ClickHouse because "consecutive" needs
 * order per device, which a materialized view over insert blocks cannot see; the state is cleared after the
 * device has been idle for {@code retention} (a later visit could still pair with it until then: it may be
 * closed hours after it started).
 */
public final class MoveDetector extends KeyedProcessFunction<String, Visit, Move> {
    private final long maxGapMs;
    private final long retentionMs;
    private final ZoneId zone;
    private transient ValueState<Visit> previous;
    private transient ValueState<Long> cleanupAt;

    public MoveDetector(Duration maxGap, Duration retention, ZoneId zone) {
        this.maxGapMs = maxGap.toMillis();
        this.retentionMs = retention.toMillis();
        this.zone = zone;
    }

    /** DESIGN.md's 6 hours; state kept 35 idle days like the sessionizer's. */
    public static MoveDetector withDefaults(ZoneId zone) {
        return new MoveDetector(Duration.ofHours(6), Duration.ofDays(35), zone);
    }

    @Override
    public void open(OpenContext ctx) {
        previous = getRuntimeContext().getState(new ValueStateDescriptor<>("previous-visit", Visit.class));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    }

    @Override
    public void processElement(Visit v, Context ctx, Collector<Move> out) throws Exception {
        Visit p = previous.value();
        if (p != null && v.startMs < p.startMs) {
            return; // a visit older than the one held: re-sent after a restore, already paired
        }
        if (p != null && !p.siteId.equals(v.siteId) && v.startMs - p.endMs <= maxGapMs) {
            out.collect(move(p, v));
        }
        previous.update(v);
        Long old = cleanupAt.value();
        if (old != null) {
            ctx.timerService().deleteEventTimeTimer(old);
        }
        long at = v.endMs + retentionMs;
        ctx.timerService().registerEventTimeTimer(at);
        cleanupAt.update(at);
    }

    private Move move(Visit from, Visit to) {
        Move m = new Move();
        m.deviceId = to.deviceId;
        m.moveId = to.deviceId + ":" + from.startMs + ":" + to.startMs;
        m.originSiteId = from.siteId;
        m.destinationSiteId = to.siteId;
        m.departureMs = from.endMs;
        m.arrivalMs = to.startMs;
        m.day = (int) Instant.ofEpochMilli(from.endMs).atZone(zone).toLocalDate().toEpochDay();
        m.lang = to.lang;
        return m;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Move> out) throws Exception {
        Long at = cleanupAt.value();
        if (at != null && at == timestamp) {
            previous.clear();
            cleanupAt.clear();
        }
    }
}
