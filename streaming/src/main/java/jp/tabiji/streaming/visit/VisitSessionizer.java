package jp.tabiji.streaming.visit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns one device's events (keyed by deviceId) into visits. Events are buffered until the watermark passes
 * them, then applied in timestamp order, so out-of-order input within the watermark bound gives the same result
 * as sorted input; events already behind the watermark go to {@link #LATE}.
 *
 * <p>Consecutive events at one site form a stay; events at APs outside the registry belong to none and end
 * none. A stay ends when an event at another site arrives (cutting its visits at that instant) or when no later
 * event could join it; {@link VisitAssembler} then splits it into visits by DESIGN.md's definition. Site-day
 * visitor rows go to {@link #SITE_DAY_VISITORS}. A device idle for {@code languageRetention} is forgotten.
 */
public class VisitSessionizer extends KeyedProcessFunction<String, WifiEvent, Visit> {
    public static final OutputTag<SiteDayVisitor> SITE_DAY_VISITORS =
            new OutputTag<>("site-day-visitors", Types.POJO(SiteDayVisitor.class));
    public static final OutputTag<SiteHourVisitor> SITE_HOUR_VISITORS =
            new OutputTag<>("site-hour-visitors", Types.POJO(SiteHourVisitor.class));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    public static final OutputTag<WifiEvent> LATE = new OutputTag<>("late-events", Types.POJO(WifiEvent.class));
    /** Accumulators a runner can watch for progress. */
    public static final String EVENTS_ACCUMULATOR = "events-in";
    public static final String VISITS_ACCUMULATOR = "visits-out";
    /** Events behind the watermark: sent to {@link #LATE} and counted, never dropped silently. */
    public static final String LATE_ACCUMULATOR = "late-events";

    private final ZoneId zone;
    private final VisitAssembler assembler;
    private final long maxCloseWaitMs;
    private final long languageRetentionMs;

    private transient MapState<Long, List<WifiEvent>> buffer;
    private transient ListState<WifiEvent> stay;
    private transient ValueState<String> staySite;
    private transient ValueState<Long> stayTimer;
    private transient MapState<Long, String> languageChanges;
    private transient ValueState<Long> lastActivity;
    private transient ValueState<Long> cleanupTimer;
    private transient LongCounter eventsIn;
    private transient LongCounter visitsOut;
    private transient LongCounter lateOut;

    /**
     * @param maxCloseWait how long an open connection waits for its close before it counts as never closed
     */
    public VisitSessionizer(ZoneId zone, Duration joinGap, Duration unclosedTimeout, Duration maxCloseWait,
                            Duration languageRetention) {
        this.zone = zone;
        this.assembler = new VisitAssembler(joinGap.toMillis(), unclosedTimeout.toMillis());
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
        buffer = getRuntimeContext().getMapState(new MapStateDescriptor<>("buffer", Types.LONG,
                new ListTypeInfo<>(Types.POJO(WifiEvent.class))));
        stay = getRuntimeContext().getListState(new ListStateDescriptor<>("stay", Types.POJO(WifiEvent.class)));
        staySite = getRuntimeContext().getState(new ValueStateDescriptor<>("stay-site", Types.STRING));
        stayTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("stay-timer", Types.LONG));
        languageChanges = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("language-changes", Types.LONG, Types.STRING));
        lastActivity = getRuntimeContext().getState(new ValueStateDescriptor<>("last-activity", Types.LONG));
        cleanupTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-timer", Types.LONG));
    }

    @Override
    public void processElement(WifiEvent e, Context ctx, Collector<Visit> out) throws Exception {
        eventsIn.add(1);
        if (e.ts <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, e);
            lateOut.add(1);
            return;
        }
        List<WifiEvent> atTs = buffer.get(e.ts);
        if (atTs == null) {
            atTs = new ArrayList<>(1);
        }
        atTs.add(e);
        buffer.put(e.ts, atTs);
        ctx.timerService().registerEventTimeTimer(e.ts);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Visit> out) throws Exception {
        List<WifiEvent> events = buffer.get(ts);
        if (events != null) {
            buffer.remove(ts);
            for (WifiEvent e : events) {
                apply(e, ctx, out);
            }
            lastActivity.update(ts);
            if (cleanupTimer.value() == null) {
                ctx.timerService().registerEventTimeTimer(ts + languageRetentionMs);
                cleanupTimer.update(ts + languageRetentionMs);
            }
        }
        if (staySite.value() != null) {
            long closable = assembler.closableAt(stayEvents(), maxCloseWaitMs);
            if (ts >= closable) {
                closeStay(Long.MAX_VALUE, ctx, out);
            } else if (!Long.valueOf(closable).equals(stayTimer.value())) {
                ctx.timerService().registerEventTimeTimer(closable);
                stayTimer.update(closable);
            }
        }
        Long cleanupAt = cleanupTimer.value();
        if (cleanupAt != null && ts >= cleanupAt) {
            long due = lastActivity.value() + languageRetentionMs;
            if (ts >= due && staySite.value() == null && buffer.isEmpty()) {
                languageChanges.clear(); // idle long enough: forget the device entirely
                lastActivity.clear();
                cleanupTimer.clear();
            } else {
                long next = Math.max(due, ts + 1);
                ctx.timerService().registerEventTimeTimer(next);
                cleanupTimer.update(next);
            }
        }
    }

    private void apply(WifiEvent e, Context ctx, Collector<Visit> out) throws Exception {
        if (e.siteId != null) {
            String site = staySite.value();
            if (site != null && !site.equals(e.siteId)) {
                closeStay(e.ts, ctx, out); // an event at another site ends the visit at once
            }
            stay.add(e);
            staySite.update(e.siteId);
        }
        if (e.lang != null) {
            languageChanges.put(e.ts, e.lang);
        }
    }

    private List<WifiEvent> stayEvents() throws Exception {
        List<WifiEvent> list = new ArrayList<>();
        stay.get().forEach(list::add);
        return list;
    }

    private void closeStay(long cutoff, Context ctx, Collector<Visit> out) throws Exception {
        String deviceId = ctx.getCurrentKey();
        String site = staySite.value();
        long lastEnd = Long.MIN_VALUE;
        for (VisitAssembler.Span span : assembler.assemble(stayEvents(), cutoff)) {
            String lang = languageAt(span.end());
            Visit v = new Visit();
            v.deviceId = deviceId;
            v.siteId = site;
            v.startMs = span.start();
            v.endMs = span.end();
            v.startDay = localDay(span.start());
            v.events = span.events().size();
            v.randomMac = span.events().stream().anyMatch(e -> e.randomMac);
            v.lang = lang;
            v.visitId = visitId(deviceId, site, span.start());
            out.collect(v);
            visitsOut.add(1);
            Map<Integer, Long> lastByDay = new TreeMap<>();
            span.events().forEach(e -> lastByDay.merge(localDay(e.ts), e.ts, Math::max));
            lastByDay.forEach((day, last) -> ctx.output(SITE_DAY_VISITORS,
                    new SiteDayVisitor(site, day, deviceId, last, lang)));
            Map<String, Long> lastByHour = new TreeMap<>();
            span.events().forEach(e -> lastByHour.merge(HOUR.format(Instant.ofEpochMilli(e.ts).atZone(zone)), e.ts,
                    Math::max));
            lastByHour.forEach((hour, last) -> ctx.output(SITE_HOUR_VISITORS,
                    new SiteHourVisitor(site, localDay(last), hour, deviceId, last, lang)));
            lastEnd = Math.max(lastEnd, span.end());
        }
        Long timer = stayTimer.value();
        if (timer != null && timer > ctx.timerService().currentWatermark() && !buffer.contains(timer)
                && !timer.equals(cleanupTimer.value())) {
            ctx.timerService().deleteEventTimeTimer(timer);
        }
        stay.clear();
        staySite.clear();
        stayTimer.clear();
        pruneLanguageChanges(lastEnd);
    }

    private int localDay(long ts) {
        return (int) Instant.ofEpochMilli(ts).atZone(zone).toLocalDate().toEpochDay();
    }

    /** The device's language at {@code ts}: the most recent one seen at or before it. */
    private String languageAt(long ts) throws Exception {
        long best = Long.MIN_VALUE;
        String lang = Visit.UNKNOWN_LANG;
        for (Map.Entry<Long, String> c : languageChanges.entries()) {
            if (c.getKey() <= ts && c.getKey() >= best) {
                best = c.getKey();
                lang = c.getValue();
            }
        }
        return lang;
    }

    /** Keeps only the language in force at {@code ts} and later changes. */
    private void pruneLanguageChanges(long ts) throws Exception {
        long keep = Long.MIN_VALUE;
        for (Long t : languageChanges.keys()) {
            if (t <= ts) {
                keep = Math.max(keep, t);
            }
        }
        List<Long> drop = new ArrayList<>();
        for (Long t : languageChanges.keys()) {
            if (t < keep) {
                drop.add(t);
            }
        }
        for (Long t : drop) {
            languageChanges.remove(t);
        }
    }

    static String visitId(String deviceId, String siteId, long startMs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((deviceId + "|" + siteId + "|" + startMs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
