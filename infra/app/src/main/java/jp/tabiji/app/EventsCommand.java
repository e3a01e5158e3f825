package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.tabiji.analytics.catalogue.EventCalendar;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.catalogue.VisitorBaseline;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.analytics.output.ResultWriter;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.web.EventDesk;
import jp.tabiji.ingest.registry.ApRegistry;

/** `tabiji events …` and `tabiji forecast`: events in ClickHouse, their uplift and a site's forecast, published values. */
final class EventsCommand {
    private static final String CLI_USER = "cli:" + System.getProperty("user.name");
    private final AppConfig config;
    private final PrintStream out;
    private final ApRegistry registry;

    EventsCommand(AppConfig config, PrintStream out, ApRegistry registry) {
        this.config = config;
        this.out = out;
        this.registry = registry;
    }

    private EventCalendar calendar() {
        ClickHouseHttp admin = new ClickHouseHttp(config.clickhouseUrl(), config.database());
        new SchemaMigrator(admin).migrate();
        return new EventCalendar(admin);
    }

    /** Changes are audited as the OS user, as `tabiji report` and `tabiji opendata` are. */
    private EventDesk desk() {
        return new EventDesk(calendar(), ServeCommand.auditLog(config), Clock.systemUTC());
    }

    private MetricCatalogue released() throws IOException {
        calendar(); // the schema first
        return new ServeCommand(config, out).releasedCatalogue(new ClickHouseHttp(config.clickhouseUrl(),
                config.database(), ClickHouseHttp.READER), new Sites(registry), null);
    }

    int add(String name, LocalDate from, LocalDate to, List<String> sites) {
        for (String s : sites) {
            if (registry.site(s).isEmpty()) {
                throw new UsageException("events add: " + s + " is not a site of the registry (--registry FILE)");
            }
        }
        EventCalendar.Event e;
        try {
            e = new EventCalendar.Event(name, from, to, sites);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
        desk().add(CLI_USER, "cli", e);
        out.printf("events: %s, %s to %s at %s%n", e.name(), e.from(), e.to(), String.join(", ", e.sites()));
        return 0;
    }

    int list() {
        List<EventCalendar.Event> all = calendar().all();
        if (all.isEmpty()) {
            out.println("events: none marked");
        }
        all.forEach(e -> out.printf("%s  %s to %s  %s%n", e.name(), e.from(), e.to(), String.join(",", e.sites())));
        return 0;
    }

    int remove(String name) {
        if (!desk().remove(CLI_USER, "cli", name)) {
            throw new UsageException("events remove: no event named " + name);
        }
        out.printf("events: %s removed%n", name);
        return 0;
    }

    int impact(String name, String format) throws IOException {
        ResultTable t = released().eventImpact(name)
                .orElseThrow(() -> new UsageException("events impact: no event named " + name));
        out.print(writer().render(t, Commands.format(format)));
        noBaseline(t, format);
        return 0;
    }

    int destinations(String name, String format) throws IOException {
        ResultTable t = released().eventDestinations(name)
                .orElseThrow(() -> new UsageException("events destinations: no event named " + name));
        out.print(writer().render(t, Commands.format(format)));
        return 0;
    }

    /** Says why a table has no expectations (a table only: CSV and JSON stay machine-readable). */
    private void noBaseline(ResultTable t, String format) {
        int expected = t.columnIndex("expected");
        if (format.equals("table") && t.rows().stream().anyMatch(r -> r.get(expected) == null)) {
            out.printf("(no expectation where fewer than %d days of the same weekday, holidays as Sundays, in the %d "
                    + "weeks before have a published value)%n", VisitorBaseline.MIN_DAYS, VisitorBaseline.WEEKS);
        }
    }

    int forecast(String site, LocalDate from, String format) throws IOException {
        LocalDate start = from != null ? from : LocalDate.now(config.zone()).plusDays(1);
        ResultTable t;
        try {
            t = released().forecast(site, start);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.print(writer().render(t, Commands.format(format)));
        noBaseline(t, format);
        return 0;
    }

    private ResultWriter writer() {
        return new ResultWriter(id -> registry.site(id).map(s -> s.nameJa() + " " + s.nameEn()).orElse(null));
    }
}
