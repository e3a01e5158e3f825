package jp.tabiji.ingest.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.privacy.PseudonymPeriod;

/**
 * DESIGN.md's visits and moves, worked out from the model's own events (what each device really did, under its
 * real identity) with the definitions applied literally; the pipeline's code is not used. A device is one
 * device per pseudonym period, since that is all the pipeline can ever see.
 */
final class ModelVisits {
    static final long JOIN_GAP_MS = 30 * 60_000L;
    static final long UNCLOSED_MS = 30 * 60_000L;
    static final long MAX_MOVE_GAP_MS = 6 * 3_600_000L;

    /** One visit: which (device, period) made it, where, its span, its local start day and the language at its end. */
    record Visit(String device, String siteId, long start, long end, LocalDate day, String lang, List<Long> eventTimes) {
        long dwellSeconds() {
            return (end - start) / 1000;
        }
    }

    /** One trip: consecutive visits of a device at two sites at most 6 hours apart. */
    record Move(String device, String origin, String destination, long departure, long arrival, String lang) {
    }

    private record Located(SimEvent event, String siteId) {
    }

    private final List<Visit> visits = new ArrayList<>();
    private final List<Move> moves = new ArrayList<>();

    ModelVisits(List<PlannedVisit> planned, ZoneId zone, PseudonymPeriod period) {
        Map<String, List<Located>> byDevice = new LinkedHashMap<>();
        Map<String, String> langOf = new HashMap<>();
        for (PlannedVisit v : planned) {
            for (SimEvent e : v.events()) {
                String key = v.device().index() + "|" + period.label(Instant.ofEpochMilli(e.ts()).atZone(zone));
                byDevice.computeIfAbsent(key, k -> new ArrayList<>()).add(new Located(e, v.siteId()));
                langOf.put(key, v.device().lang());
            }
        }
        byDevice.forEach((device, events) -> {
            events.sort(Comparator.comparingLong(l -> l.event().ts()));
            List<Visit> own = visitsOf(device, events, langOf.get(device), zone);
            visits.addAll(own);
            for (int i = 1; i < own.size(); i++) {
                Visit a = own.get(i - 1);
                Visit b = own.get(i);
                if (!a.siteId().equals(b.siteId()) && b.start() - a.end() <= MAX_MOVE_GAP_MS) {
                    moves.add(new Move(device, a.siteId(), b.siteId(), a.end(), b.start(), b.lang()));
                }
            }
        });
    }

    List<Visit> visits() {
        return visits;
    }

    List<Move> moves() {
        return moves;
    }

    /** Stays (consecutive events at one site), each cut off by the next stay's first event, made into visits. */
    private static List<Visit> visitsOf(String device, List<Located> events, String lang, ZoneId zone) {
        List<Visit> out = new ArrayList<>();
        long learned = firstLogin(events);
        int i = 0;
        while (i < events.size()) {
            int j = i;
            while (j < events.size() && events.get(j).siteId().equals(events.get(i).siteId())) {
                j++;
            }
            long cutoff = j < events.size() ? events.get(j).event().ts() : Long.MAX_VALUE;
            List<Located> stay = events.subList(i, j);
            for (long[] span : spans(stay, cutoff)) {
                String l = learned <= span[1] ? lang : "unknown";
                // every event of the stay lies in exactly one of its visits
                List<Long> times = stay.stream().map(x -> x.event().ts()).filter(t -> t >= span[0] && t <= span[1])
                        .toList();
                out.add(new Visit(device, events.get(i).siteId(), span[0], span[1],
                        Instant.ofEpochMilli(span[0]).atZone(zone).toLocalDate(), l, times));
            }
            i = j;
        }
        return out;
    }

    /** When the device first told the portal its language (a failed login tells it too). */
    private static long firstLogin(List<Located> events) {
        for (Located l : events) {
            if (l.event().kind() == SimEvent.Kind.LOGIN || l.event().kind() == SimEvent.Kind.LOGIN_FAILED) {
                return l.event().ts();
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Presence per AP: from CONNECT or LOGIN until a DISCONNECT at that AP, or 30 minutes after its last event
     * when the close never came (a new CONNECT there ends it at the latest); a lone DISCONNECT or LOGIN_FAILED
     * is an instant. Clipped at the cutoff, then
     * joined when less than 30 minutes apart.
     */
    private static List<long[]> spans(List<Located> stay, long cutoff) {
        List<long[]> intervals = new ArrayList<>();
        Map<String, long[]> open = new HashMap<>(); // ap -> {start, last}
        for (Located l : stay) {
            SimEvent e = l.event();
            long[] o = open.get(e.apId());
            switch (e.kind()) {
                case CONNECT, LOGIN -> {
                    if (o != null && e.kind() == SimEvent.Kind.CONNECT) {
                        // a new association: the old connection, never closed, ended 30 minutes after its last
                        // event or when this one began
                        intervals.add(new long[] {o[0], Math.min(o[1] + UNCLOSED_MS, e.ts())});
                        open.remove(e.apId());
                        o = null;
                    }
                    if (o == null) {
                        open.put(e.apId(), new long[] {e.ts(), e.ts()});
                    } else {
                        o[1] = e.ts();
                    }
                }
                case DISCONNECT -> {
                    if (o != null) {
                        intervals.add(new long[] {o[0], e.ts()});
                        open.remove(e.apId());
                    } else {
                        intervals.add(new long[] {e.ts(), e.ts()});
                    }
                }
                case LOGIN_FAILED -> intervals.add(new long[] {e.ts(), e.ts()});
            }
        }
        open.values().forEach(o -> intervals.add(new long[] {o[0], o[1] + UNCLOSED_MS}));
        intervals.sort(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
        List<long[]> joined = new ArrayList<>();
        for (long[] x : intervals) {
            long end = Math.min(x[1], cutoff);
            long[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && x[0] - last[1] < JOIN_GAP_MS) {
                last[1] = Math.max(last[1], end);
            } else {
                joined.add(new long[] {x[0], Math.max(x[0], end)});
            }
        }
        return joined;
    }
}
