package jp.tabiji.streaming.health;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.registry.HolidayCalendar;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.visit.RegionClock;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One AP's health (keyed by AP id): a row per minute ({@link ApMinute}) and alerts that open and clear
 * ({@link #ALERTS}). Events wait until the watermark passes their minute and are then applied in time order, so
 * out-of-order input within the bound counts the same as sorted input.
 *
 * <p>Silence is the one condition that event time cannot always see: when no event arrives at all, the
 * watermark stops too. So the {@link SilenceClock} decides. A bounded replay judges silence in event time (the
 * other APs' events move the watermark; the end of the input moves it to its maximum, which is not silence and
 * raises nothing). The live job judges it by processing time: the wall-clock time since the AP's last event
 * <em>arrived</em>, counted within its usual hours, so an idle Kafka topic cannot hide a dead AP.
 */
public class ApHealthMonitor extends KeyedProcessFunction<String, WifiEvent, ApMinute> {
    public static final OutputTag<HotspotAlert> ALERTS = new OutputTag<>("hotspot-alerts",
            Types.POJO(HotspotAlert.class));
    /** Events behind their AP's last accounted minute: they still prove it alive, but no minute row changes. */
    public static final String LATE_ACCUMULATOR = "health-late-events";

    /** Which clock judges silence (see the class comment). */
    public enum SilenceClock { EVENT_TIME, PROCESSING_TIME }

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    private final HealthSettings settings;
    private final SilenceClock silenceClock;
    private final ZoneId zone;

    private static final Comparator<WifiEvent> BY_TIME = Comparator.comparingLong(e -> e.ts);

    private transient ValueState<ApTrack> track;
    private transient PresenceCounter presence;
    private transient LoginWindow logins;
    private transient LoginSpikeRule loginRule;
    private transient RegionClock clock;
    /** Processing time this instance first did anything: a (re)started job gives every AP that long to speak. */
    private transient long startedAt = ApTrack.NONE;
    /** The watermark as last seen, for the {@code watermarkLagMs} gauge (Long.MIN_VALUE before the first). */
    private transient volatile long watermark = Long.MIN_VALUE;
    private transient UsualHours usual;
    private transient LongCounter late;

    public ApHealthMonitor(HealthSettings settings, SilenceClock silenceClock, ZoneId zone) {
        this.settings = settings;
        this.silenceClock = silenceClock;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext ctx) {
        track = getRuntimeContext().getState(new ValueStateDescriptor<>("ap-track", Types.POJO(ApTrack.class)));
        HolidayCalendar holidays = HolidayCalendar.japan();
        if (silenceClock == SilenceClock.PROCESSING_TIME) {
            holidays.isHoliday(java.time.LocalDate.now(zone)); // a live job past the holiday file's years stops here
        }
        clock = new RegionClock(zone);
        usual = new UsualHours(clock, settings.usualDays(), settings.usualWindowDays(), holidays,
                settings.closedDays());
        presence = new PresenceCounter(settings.presenceTimeout().toMillis());
        logins = new LoginWindow(settings.spikeWindow());
        loginRule = new LoginSpikeRule(settings);
        late = getRuntimeContext().getLongCounter(LATE_ACCUMULATOR);
        // how far event time trails the wall clock here (Prometheus: ..._operator_watermarkLagMs); -1 before any
        getRuntimeContext().getMetricGroup().gauge("watermarkLagMs", () -> {
            long w = watermark;
            return w == Long.MIN_VALUE || w == Long.MAX_VALUE ? -1L : System.currentTimeMillis() - w;
        });
    }

    @Override
    public void processElement(WifiEvent e, Context ctx, Collector<ApMinute> out) throws Exception {
        watermark = ctx.timerService().currentWatermark();
        ApTrack t = track.value();
        if (t == null) {
            t = new ApTrack();
        }
        if (silenceClock == SilenceClock.PROCESSING_TIME) {
            started(ctx);
            long now = ctx.timerService().currentProcessingTime();
            t.lastArrival = now;
            // the AP speaks again: no longer silent now, not only once the watermark reaches this event
            close(t, AlertKind.SILENT, now, 0, "events again", ctx);
            if (t.silenceCheck == ApTrack.NONE) {
                scheduleSilenceCheck(t, ctx);
            }
        }
        if (t.lastTick != ApTrack.NONE && e.ts <= t.lastTick) {
            late.add(1);
        } else {
            long minuteEnd = minuteEnd(e.ts);
            PendingMinute minute = t.pending.get(minuteEnd);
            if (minute == null) {
                minute = new PendingMinute();
                t.pending.put(minuteEnd, minute);
                ctx.timerService().registerEventTimeTimer(minuteEnd);
            }
            minute.events.add(e);
        }
        track.update(t);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<ApMinute> out) throws Exception {
        ApTrack t = track.value();
        if (t == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            if (ts == t.silenceCheck) {
                t.silenceCheck = ApTrack.NONE;
                // after a restart the backlog has not arrived yet: silence counts from the restart at the earliest
                checkSilence(t, ts, Math.max(t.lastArrival, started(ctx)), ctx);
            }
            finish(t, ts, ctx);
            return;
        }
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (minuteEnd(ts) == ts && ts > t.lastTick) {
            tick(t, ts, endOfInput, ctx, out);
        }
        if (silenceClock == SilenceClock.EVENT_TIME && ts == t.silenceCheck) {
            t.silenceCheck = ApTrack.NONE;
            if (!endOfInput) {
                checkSilence(t, ts, Math.max(t.lastSeen, latestPendingUpTo(t, ts)), ctx);
            }
        }
        finish(t, ts, ctx);
    }

    private long started(Context ctx) {
        if (startedAt == ApTrack.NONE) {
            startedAt = ctx.timerService().currentProcessingTime();
        }
        return startedAt;
    }

    /** Accounts for the minute ending at {@code end}: its events in time order, then the alert conditions. */
    private void tick(ApTrack t, long end, boolean endOfInput, Context ctx, Collector<ApMinute> out) {
        // Only this minute can be pending up to `end`: every pending minute is after lastTick (later events are
        // refused) and keeps its own timer (see deleteSilenceCheck), and timers fire in time order, so the earlier
        // ones were accounted for first. Walking all pending minutes at every tick was quadratic in how far the
        // watermark steps.
        PendingMinute minute = t.pending.remove(end);
        List<WifiEvent> due = minute == null ? new ArrayList<>(0) : minute.events;
        due.sort(BY_TIME);
        String apId = ctx.getCurrentKey();
        ApMinute row = new ApMinute();
        row.apId = apId;
        row.minuteMs = end - MINUTE + 1;
        for (WifiEvent e : due) {
            row.events++;
            usual.record(t, e);
            t.siteId = e.siteId;
            t.lastSeen = Math.max(t.lastSeen, e.ts);
            row.lastEventMs = e.ts;
            presence.apply(t, e, row);
        }
        row.siteId = t.siteId;
        row.clientsNow = presence.clientsAt(t, end);
        long[] window = logins.add(t, row.minuteMs, row.loginAttempts, row.loginFailures);
        if (!due.isEmpty()) {
            long first = due.get(0).ts;
            if (silenceClock == SilenceClock.EVENT_TIME) {
                close(t, AlertKind.SILENT, first, 0, "events again", ctx);
            }
            if (t.siteId == null && !t.open.containsKey(AlertKind.UNKNOWN_AP.name())) {
                raise(t, HotspotAlert.open(apId, null, AlertKind.UNKNOWN_AP, first, first, row.events, 0,
                        "events from an AP missing from the registry"), ctx);
            } else if (t.siteId != null) {
                close(t, AlertKind.UNKNOWN_AP, first, 0, "the registry lists the AP now", ctx);
            }
            scheduleSilenceCheck(t, ctx);
        }
        if (row.events > 0 || row.clientsNow > 0) {
            out.collect(row);
        }
        judgeLoad(t, end, row.clientsNow, ctx);
        judgeLogins(t, end, window[0], window[1], ctx);
        t.lastTick = end;
        boolean watching = row.clientsNow > 0 || window[0] > 0 || t.open.containsKey(AlertKind.OVERLOADED.name())
                || t.open.containsKey(AlertKind.LOGIN_FAILURE_SPIKE.name());
        if (watching && !endOfInput) {
            // clients leave (and windows empty) without events: keep counting minute by minute while any remain
            ctx.timerService().registerEventTimeTimer(end + MINUTE);
        }
    }

    private void judgeLoad(ApTrack t, long end, int clients, Context ctx) {
        Integer capacity = settings.capacities().get(ctx.getCurrentKey());
        if (capacity != null && clients > capacity) {
            if (t.overSince == ApTrack.NONE) {
                t.overSince = end;
            }
            HotspotAlert open = t.open.get(AlertKind.OVERLOADED.name());
            if (open != null && clients > open.peakValue) {
                raise(t, open.peaked(end, clients, 0, 0, "peak " + clients + " clients over capacity " + capacity), ctx);
            } else if (open == null && end - t.overSince >= settings.overloadFor().toMillis()) {
                raise(t, HotspotAlert.open(ctx.getCurrentKey(), t.siteId, AlertKind.OVERLOADED, t.overSince, end,
                        clients, capacity, clients + " clients over capacity " + capacity + " for "
                                + settings.overloadFor().toMinutes() + " min"), ctx);
            }
        } else {
            t.overSince = ApTrack.NONE;
            close(t, AlertKind.OVERLOADED, end, clients, clients + " clients, capacity "
                    + (capacity == null ? "none" : capacity.toString()), ctx);
        }
    }

    private void judgeLogins(ApTrack t, long end, long attempts, long failures, Context ctx) {
        if (attempts == 0 && !t.open.containsKey(AlertKind.LOGIN_FAILURE_SPIKE.name())) {
            return;
        }
        double usualFailures = t.loginSuccessSeen ? 0 : usual.failuresPerHour(t, Math.floorDiv(clock.hour(end), 24L))
                * settings.spikeWindow().toMinutes() / 60.0;
        LoginSpikeRule.Verdict v = loginRule.judge(t.loginSuccessSeen, attempts, failures, usualFailures);
        long shownAttempts = t.loginSuccessSeen ? attempts : 0; // unknown where successes are not logged
        HotspotAlert open = t.open.get(AlertKind.LOGIN_FAILURE_SPIKE.name());
        if (open != null && !v.basis().equals(open.basis)) {
            close(t, AlertKind.LOGIN_FAILURE_SPIKE, end, v.value(), "judged by " + v.basis() + " from now on", ctx);
            open = null;
        }
        if (v.spike() && open == null) {
            raise(t, HotspotAlert.open(ctx.getCurrentKey(), t.siteId, AlertKind.LOGIN_FAILURE_SPIKE, end, end,
                    v.value(), v.threshold(), v.what()).withLogins(v.basis(), shownAttempts, failures), ctx);
        } else if (v.spike() && (v.value() > open.peakValue
                || v.value() == open.peakValue && failures > open.peakFailures)) {
            raise(t, open.peaked(end, v.value(), shownAttempts, failures, "peak: " + v.what()), ctx);
        } else if (!v.spike()) {
            close(t, AlertKind.LOGIN_FAILURE_SPIKE, end, v.value(), v.what(), ctx);
        }
    }

    /**
     * Decides at {@code now} whether the AP, silent since {@code since}, is silent within its usual hours; if not
     * yet, comes back when it would be. An AP missing from the registry is never "silent": its unknown-AP alert
     * clears instead.
     */
    private void checkSilence(ApTrack t, long now, long since, Context ctx) {
        if (since == ApTrack.NONE || t.open.containsKey(AlertKind.SILENT.name())) {
            return;
        }
        long deadline = deadline(t, since);
        if (deadline != ApTrack.NONE && deadline <= now) {
            if (t.siteId == null) {
                close(t, AlertKind.UNKNOWN_AP, now, 0, "silent for " + settings.unknownQuiet().toHours() + " h", ctx);
                long forget = forgetAt(since);
                if (forget > now) {
                    register(t, forget, ctx); // come back to forget it
                }
            } else {
                raise(t, HotspotAlert.open(ctx.getCurrentKey(), t.siteId, AlertKind.SILENT, since, now,
                        settings.silentAfter().toMinutes(), settings.silentAfter().toMinutes(), "no events for "
                                + settings.silentAfter().toMinutes() + " min within its usual hours"), ctx);
            }
            return;
        }
        long next = deadline != ApTrack.NONE ? deadline : forgetAt(since);
        if (next > now) {
            register(t, next, ctx);
        }
    }

    /** Makes sure a silence check is registered no later than the current deadline. */
    private void scheduleSilenceCheck(ApTrack t, Context ctx) {
        long since = silenceClock == SilenceClock.EVENT_TIME ? t.lastSeen : t.lastArrival;
        long deadline = deadline(t, since);
        long at = deadline != ApTrack.NONE ? deadline : forgetAt(since);
        if (t.silenceCheck == ApTrack.NONE || at < t.silenceCheck) {
            register(t, at, ctx);
        }
    }

    /**
     * When the AP, silent since {@code since}, is silent: after the silence threshold counted within its usual
     * hours, or for an AP missing from the registry, once quiet long enough for its unknown-AP alert to clear.
     */
    private long deadline(ApTrack t, long since) {
        return t.siteId == null ? since + settings.unknownQuiet().toMillis()
                : usual.silenceDeadline(t, since, settings.silentAfter().toMillis());
    }

    /** When an AP silent since {@code since} has no usual hour left in its window: time to look at forgetting it. */
    private long forgetAt(long since) {
        return since + (usual.historyDays() + 1) * DAY;
    }

    private void register(ApTrack t, long at, Context ctx) {
        deleteSilenceCheck(t, ctx);
        t.silenceCheck = at;
        if (silenceClock == SilenceClock.EVENT_TIME) {
            ctx.timerService().registerEventTimeTimer(at);
        } else {
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    private void deleteSilenceCheck(ApTrack t, Context ctx) {
        if (t.silenceCheck == ApTrack.NONE) {
            return;
        }
        if (silenceClock == SilenceClock.EVENT_TIME) {
            if (!t.pending.containsKey(t.silenceCheck)) { // one timer per instant: a pending minute's is kept
                ctx.timerService().deleteEventTimeTimer(t.silenceCheck);
            }
        } else {
            ctx.timerService().deleteProcessingTimeTimer(t.silenceCheck);
        }
        t.silenceCheck = ApTrack.NONE;
    }

    /** Stores the track, or forgets the AP once nothing is pending, present, open or remembered. */
    private void finish(ApTrack t, long now, Context ctx) throws Exception {
        if (t.isIdle() && !usual.remembersAnything(t, now) && now >= t.lastSeen + settings.silentAfter().toMillis()) {
            deleteSilenceCheck(t, ctx);
            track.clear();
        } else {
            track.update(t);
        }
    }

    private static void raise(ApTrack t, HotspotAlert alert, Context ctx) {
        t.open.put(alert.kind.name(), alert);
        ctx.output(ALERTS, alert);
    }

    private static void close(ApTrack t, AlertKind kind, long at, double value, String why, Context ctx) {
        HotspotAlert open = t.open.remove(kind.name());
        if (open != null) {
            ctx.output(ALERTS, open.cleared(Math.max(at, open.ts), value, why));
        }
    }

    private static long latestPendingUpTo(ApTrack t, long ts) {
        long latest = ApTrack.NONE;
        for (Map.Entry<Long, PendingMinute> minute : t.pending.entrySet()) {
            if (minute.getKey() - MINUTE < ts) { // the minute starts before ts
                for (WifiEvent e : minute.getValue().events) {
                    if (e.ts <= ts) {
                        latest = Math.max(latest, e.ts);
                    }
                }
            }
        }
        return latest;
    }

    static long minuteEnd(long ts) {
        return Math.floorDiv(ts, MINUTE) * MINUTE + MINUTE - 1;
    }
}
