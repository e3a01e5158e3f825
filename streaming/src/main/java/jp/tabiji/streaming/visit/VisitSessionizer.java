package jp.tabiji.streaming.visit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns one device's events (keyed by deviceId) into visits. Events wait until the watermark passes them and
 * are then applied in timestamp order, so out-of-order input within the watermark bound gives the same result
 * as sorted input; events already behind the watermark go to {@link #LATE}.
 *
 * <p>Consecutive events at one site form a stay; events at APs outside the registry belong to none and end
 * none. A stay ends when an event at another site arrives (cutting its visits at that instant) or when no later
 * event could join it; {@link VisitAssembler} then splits it into visits by DESIGN.md's definition. Site-day and
 * site-hour visitor rows go to {@link #SITE_DAY_VISITORS} and {@link #SITE_HOUR_VISITORS}. A device idle for
 * {@code languageRetention} is forgotten; one with no language and no open stay holds no state at all.
 *
 * <p>Each device has at most one timer, at its next deadline: its earliest waiting event, the time its stay
 * becomes closable, or the time it is forgotten. When it fires, everything due up to the watermark is played
 * in time order (events and deadlines interleaved), exactly as one timer per event would, but with one state
 * read and one timer per device per watermark step rather than several per event.
 */
public class VisitSessionizer extends KeyedProcessFunction<String, WifiEvent, Visit> {
    public static final OutputTag<SiteDayVisitor> SITE_DAY_VISITORS =
            new OutputTag<>("site-day-visitors", Types.POJO(SiteDayVisitor.class));
    public static final OutputTag<SiteHourVisitor> SITE_HOUR_VISITORS =
            new OutputTag<>("site-hour-visitors", Types.POJO(SiteHourVisitor.class));
    public static final OutputTag<WifiEvent> LATE = new OutputTag<>("late-events", Types.POJO(WifiEvent.class));
    /** Accumulators a runner can watch for progress. */
    public static final String EVENTS_ACCUMULATOR = "events-in";
    public static final String VISITS_ACCUMULATOR = "visits-out";
    /** Events behind the watermark: sent to {@link #LATE} and counted, never dropped silently. */
    public static final String LATE_ACCUMULATOR = "late-events";

    private final VisitAssembler assembler;
    private final VisitOutput output;
    private final long maxCloseWaitMs;
    private final long languageRetentionMs;

    private transient ValueState<DeviceTrack> track;
    private transient LongCounter eventsIn;
    private transient LongCounter visitsOut;
    private transient LongCounter lateOut;

    /**
     * @param maxCloseWait how long an open connection waits for its close before it counts as never closed
     */
    public VisitSessionizer(ZoneId zone, Duration joinGap, Duration unclosedTimeout, Duration maxCloseWait,
                            Duration languageRetention) {
        this.assembler = new VisitAssembler(joinGap.toMillis(), unclosedTimeout.toMillis());
        this.output = new VisitOutput(new RegionClock(zone));
        this.maxCloseWaitMs = maxCloseWait.toMillis();
        this.languageRetentionMs = languageRetention.toMillis();
    }

    /** DESIGN.md's 30-minute gap and unclosed timeout; closes awaited 12 hours; language kept 35 idle days. */
    public static VisitSessionizer withDefaults(ZoneId zone) {
        return new VisitSessionizer(zone, Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(12),
                Duration.ofDays(35));
    }

    @Override
    public void open(OpenContext ctx) {
        eventsIn = getRuntimeContext().getLongCounter(EVENTS_ACCUMULATOR);
        visitsOut = getRuntimeContext().getLongCounter(VISITS_ACCUMULATOR);
        lateOut = getRuntimeContext().getLongCounter(LATE_ACCUMULATOR);
        track = getRuntimeContext().getState(new ValueStateDescriptor<>("device-track",
                Types.POJO(DeviceTrack.class)));
    }

    @Override
    public void processElement(WifiEvent e, Context ctx, Collector<Visit> out) throws Exception {
        eventsIn.add(1);
        if (e.ts <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, e);
            lateOut.add(1);
            return;
        }
        DeviceTrack t = track.value();
        if (t == null) {
            t = new DeviceTrack();
        }
        t.pending.add(e);
        if (t.timer == DeviceTrack.NONE || e.ts < t.timer) {
            schedule(t, e.ts, ctx);
        }
        track.update(t);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Visit> out) throws Exception {
        DeviceTrack t = track.value();
        if (t == null || t.timer != ts) {
            return;
        }
        t.timer = DeviceTrack.NONE;
        playUntil(t, ctx.timerService().currentWatermark(), ctx, out);
        if (t.isEmpty()) {
            track.clear();
            return;
        }
        schedule(t, nextDeadline(t), ctx);
        track.update(t);
    }

    private void schedule(DeviceTrack t, long at, Context ctx) {
        if (t.timer != DeviceTrack.NONE) {
            ctx.timerService().deleteEventTimeTimer(t.timer);
        }
        ctx.timerService().registerEventTimeTimer(at);
        t.timer = at;
    }

    /** Applies every waiting event at or before {@code watermark}, and every deadline up to it, in time order. */
    private void playUntil(DeviceTrack t, long watermark, Context ctx, Collector<Visit> out) {
        List<WifiEvent> due = new ArrayList<>();
        List<WifiEvent> later = new ArrayList<>();
        for (WifiEvent e : t.pending) {
            (e.ts <= watermark ? due : later).add(e);
        }
        t.pending = later;
        due.sort(Comparator.comparingLong(e -> e.ts)); // stable: events at one instant keep their arrival order
        int i = 0;
        while (true) {
            long nextEvent = i < due.size() ? due.get(i).ts : Long.MAX_VALUE;
            long deadline = ownDeadline(t);
            // a deadline at the same instant as an event comes after it, as a timer fires after the event it shares
            if (deadline < nextEvent && deadline <= watermark) {
                if (t.stay.isEmpty()) {
                    t.languages.clear(); // idle long enough: forget the device entirely
                    t.lastActivity = DeviceTrack.NONE;
                } else {
                    closeStay(t, Long.MAX_VALUE, ctx, out);
                }
                continue;
            }
            if (i == due.size()) {
                return;
            }
            while (i < due.size() && due.get(i).ts == nextEvent) {
                apply(t, due.get(i++), ctx, out);
            }
            t.lastActivity = nextEvent;
            if (!t.stay.isEmpty() && assembler.closableAt(t.stay, maxCloseWaitMs) <= nextEvent) {
                closeStay(t, Long.MAX_VALUE, ctx, out);
            }
        }
    }

    /** When the open stay becomes closable, else when the idle device is forgotten; MAX_VALUE if never. */
    private long ownDeadline(DeviceTrack t) {
        if (!t.stay.isEmpty()) {
            return assembler.closableAt(t.stay, maxCloseWaitMs);
        }
        return t.languages.isEmpty() ? Long.MAX_VALUE : t.lastActivity + languageRetentionMs;
    }

    private long nextDeadline(DeviceTrack t) {
        long next = ownDeadline(t);
        for (WifiEvent e : t.pending) {
            next = Math.min(next, e.ts);
        }
        return next;
    }

    private void apply(DeviceTrack t, WifiEvent e, Context ctx, Collector<Visit> out) {
        if (e.siteId != null) {
            if (t.staySite != null && !t.staySite.equals(e.siteId)) {
                closeStay(t, e.ts, ctx, out); // an event at another site ends the visit at once
            }
            t.stay.add(e);
            t.staySite = e.siteId;
        }
        if (e.lang != null) {
            List<DeviceTrack.LanguageChange> l = t.languages;
            if (!l.isEmpty() && l.get(l.size() - 1).ts == e.ts) {
                l.get(l.size() - 1).lang = e.lang; // the last report at an instant wins
            } else {
                l.add(new DeviceTrack.LanguageChange(e.ts, e.lang));
            }
        }
    }

    private void closeStay(DeviceTrack t, long cutoff, Context ctx, Collector<Visit> out) {
        String deviceId = ctx.getCurrentKey();
        long lastEnd = Long.MIN_VALUE;
        VisitOutput.Rows rows = new VisitOutput.Rows() {
            @Override
            public void visit(Visit v) {
                out.collect(v);
                visitsOut.add(1);
            }

            @Override
            public void siteDay(SiteDayVisitor row) {
                ctx.output(SITE_DAY_VISITORS, row);
            }

            @Override
            public void siteHour(SiteHourVisitor row) {
                ctx.output(SITE_HOUR_VISITORS, row);
            }
        };
        for (VisitAssembler.Span span : assembler.assemble(t.stay, cutoff)) {
            output.emit(deviceId, t.staySite, span, languageAt(t, span.end()), rows);
            lastEnd = Math.max(lastEnd, span.end());
        }
        t.stay = new ArrayList<>();
        t.staySite = null;
        pruneLanguages(t, lastEnd);
    }

    /** The device's language at {@code ts}: the most recent one seen at or before it. */
    private static String languageAt(DeviceTrack t, long ts) {
        for (int i = t.languages.size() - 1; i >= 0; i--) {
            if (t.languages.get(i).ts <= ts) {
                return t.languages.get(i).lang;
            }
        }
        return Visit.UNKNOWN_LANG;
    }

    /** Keeps only the language in force at {@code ts} and later changes. */
    private static void pruneLanguages(DeviceTrack t, long ts) {
        int inForce = -1;
        for (int i = 0; i < t.languages.size() && t.languages.get(i).ts <= ts; i++) {
            inForce = i;
        }
        if (inForce > 0) {
            t.languages.subList(0, inForce).clear();
        }
    }
}
