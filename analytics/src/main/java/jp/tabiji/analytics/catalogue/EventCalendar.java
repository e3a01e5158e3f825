package jp.tabiji.analytics.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/** The events marked on sites and days (ClickHouse's {@code events}): one per name, the latest entry winning. */
public final class EventCalendar {
    private final ClickHouseHttp clickhouse;

    public EventCalendar(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /** An event: its name, its days (both inclusive) and the sites it was held at. */
    public record Event(String name, LocalDate from, LocalDate to, List<String> sites) {
        public Event {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("an event needs a name of at most 200 characters");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the event ends (" + to + ") before it starts (" + from + ")");
            }
            if (to.isAfter(from.plusDays(60))) {
                throw new IllegalArgumentException("an event lasts at most 61 days");
            }
            if (sites.isEmpty()) {
                throw new IllegalArgumentException("an event is held at one site or more");
            }
            name = name.strip();
            sites = List.copyOf(sites);
        }

        public boolean covers(String site, LocalDate day) {
            return sites.contains(site) && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** Marks an event (a name marked before is replaced). */
    public void add(Event e, Clock clock) {
        write(e, 0, clock);
    }

    /** @return whether there was such an event */
    public boolean remove(String name, Clock clock) {
        Optional<Event> e = byName(name);
        e.ifPresent(event -> write(event, 1, clock));
        return e.isPresent();
    }

    private void write(Event e, int removed, Clock clock) {
        List<String> sites = e.sites().stream().map(Sql::literal).toList();
        clickhouse.execute("INSERT INTO events (name, from_day, to_day, sites, removed, recorded_ms) VALUES ("
                + Sql.literal(e.name()) + ", toDate('" + e.from() + "'), toDate('" + e.to() + "'), ["
                + String.join(", ", sites) + "], " + removed + ", " + clock.millis() + ")");
    }

    public List<Event> all() {
        // one row per site (arrayJoin is on every ClickHouse we support), gathered back per event
        java.util.Map<String, List<String>> sites = new java.util.LinkedHashMap<>();
        java.util.Map<String, String[]> days = new java.util.HashMap<>();
        for (String[] r : clickhouse.select("SELECT name, from_day, to_day, arrayJoin(sites) FROM events FINAL "
                + "WHERE removed = 0 ORDER BY from_day, name")) {
            sites.computeIfAbsent(r[0], n -> new ArrayList<>()).add(r[3]);
            days.put(r[0], r);
        }
        List<Event> out = new ArrayList<>();
        sites.forEach((name, at) -> out.add(new Event(name, LocalDate.parse(days.get(name)[1]),
                LocalDate.parse(days.get(name)[2]), at)));
        return out;
    }

    public Optional<Event> byName(String name) {
        return all().stream().filter(e -> e.name().equals(name.strip())).findFirst();
    }
}
