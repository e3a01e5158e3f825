package jp.tabiji.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `tabiji events` (mark events, their uplift) and `tabiji forecast`; the work is done by {@link EventsCommand}. */
final class EventsCli {
    private EventsCli() {
    }

    @Command(name = "events", description = "Events marked on sites and days (仙台七夕まつり …): left out of the "
            + "baseline of usual days, their uplift measured against it.",
            subcommands = {Events.Add.class, Events.ListAll.class, Events.Remove.class, Events.Impact.class,
                    Events.Destinations.class})
    static final class Events implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "events needs a subcommand: add, list, remove, impact or "
                    + "destinations");
        }

        EventsCommand command(Path registry) throws Exception {
            return root.commands().events(registry);
        }

        @Command(name = "add", description = "Mark an event (a name marked before is replaced).")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Events events;
            @Parameters(paramLabel = "NAME", description = "the event's name")
            String name;
            @Mixin
            CliFlags.Days days;
            @Option(names = "--sites", required = true, split = ",", paramLabel = "SITE,...", description = "its sites")
            List<String> sites;
            @Option(names = "--registry", paramLabel = "FILE", description = "the AP registry CSV")
            Path registry;

            @Override
            public Integer call() throws Exception {
                return events.command(registry).add(name, days.from, days.to, sites);
            }
        }

        @Command(name = "list", description = "Every event, by its first day.")
        static final class ListAll implements Callable<Integer> {
            @ParentCommand
            Events events;

            @Override
            public Integer call() throws Exception {
                return events.command(null).list();
            }
        }

        @Command(name = "remove", description = "Remove an event.")
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            Events events;
            @Parameters(paramLabel = "NAME", description = "the event's name")
            String name;

            @Override
            public Integer call() throws Exception {
                return events.command(null).remove(name);
            }
        }

        /** What an event table command is given: the event's name, the format and the registry. */
        abstract static class EventTable implements Callable<Integer> {
            @ParentCommand
            Events events;
            @Parameters(paramLabel = "NAME", description = "the event's name")
            String name;
            @Mixin
            CliFlags.Printed printed;

            EventsCommand command() throws Exception {
                return events.command(printed.registry);
            }
        }

        @Command(name = "impact", description = "An event's visitors per site and day beside the expected ones, the "
                + "uplift with its 95 %% interval (from published values), and a total per site.")
        static final class Impact extends EventTable {
            @Override
            public Integer call() throws Exception {
                return command().impact(name, printed.format);
            }
        }

        @Command(name = "destinations", description = "Where an event's visitors went next: the published trips "
                + "leaving its sites per destination beside usual days of the same kinds, with 95 %% intervals for "
                + "the shares and their change.")
        static final class Destinations extends EventTable {
            @Override
            public Integer call() throws Exception {
                return command().destinations(name, printed.format);
            }
        }
    }

    @Command(name = "forecast", description = "A site's next 14 days as the usual days of the six weeks before lead "
            + "to expect (the same weekdays, holidays as Sundays, events left out), with 95 %% intervals.")
    static final class Forecast implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--site", required = true, paramLabel = "SITE", description = "the site id")
        String site;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "the first day forecast (default: tomorrow)")
        LocalDate from;
        @Mixin
        CliFlags.Printed printed;

        @Override
        public Integer call() throws Exception {
            return root.commands().events(printed.registry).forecast(site, from, printed.format);
        }
    }
}
