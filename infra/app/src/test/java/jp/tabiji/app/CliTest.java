package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.tabiji.analytics.catalogue.Grouping;
import jp.tabiji.analytics.catalogue.Metric;
import jp.tabiji.streaming.health.HealthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The `tabiji` command line on picocli: help, usage errors and exit codes, without any server. */
class CliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TabijiCli.run(args, Map.of("TABIJI_HOME", dir.resolve("home").toString(), "TABIJI_SECRET",
                        "tabiji-test-secret"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run cli(String... args) {
        return withStdin("", args);
    }

    private static CommandLine tree() {
        return TabijiCli.commandLine(Map.of(), System.out, System.err, System.in);
    }

    private static List<CommandLine> allCommands(CommandLine c) {
        List<CommandLine> all = new ArrayList<>(List.of(c));
        c.getSubcommands().values().stream().distinct().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    @Test
    void everyCommandHasHelpNamingEachOfItsOptions() {
        List<CommandLine> commands = allCommands(tree());
        assertThat(commands.stream().map(c -> c.getCommandSpec().qualifiedName()))
                .contains("tabiji query", "tabiji ingest syslog", "tabiji ingest file", "tabiji users add",
                        "tabiji replay", "tabiji demo");
        for (CommandLine c : commands) {
            List<String> path = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName().split(" ")));
            path.remove(0);
            path.add("--help");
            Run r = cli(path.toArray(String[]::new));
            assertThat(r.exit()).as(path + ": " + r.err()).isZero();
            assertThat(r.out()).as(path.toString()).contains("Usage: " + c.getCommandSpec().qualifiedName() + " ");
            for (OptionSpec o : c.getCommandSpec().options()) {
                assertThat(r.out()).as(path + " names " + o.longestName()).contains(o.longestName());
            }
        }
    }

    @Test
    void theOverviewListsEveryCommandAndAloneIsAUsageError() {
        Run help = cli("--help");
        assertThat(help.exit()).isZero();
        for (String name : tree().getSubcommands().keySet()) {
            assertThat(help.out()).contains(name);
        }
        assertThat(help.out()).contains("TABIJI_SEGMENT_RULES", "generate-completion");
        Run alone = cli();
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.out()).contains("Usage: tabiji", "query");
        assertThat(cli("help", "report").out()).contains("--lang", "--out");
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesItAndTheHelp() {
        Run r = cli("query", "visitors", "--from", "2026-11-02", "--to", "2026-11-04", "--bogus", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "'--bogus'", "see: tabiji query --help");
        assertThat(r.out()).isEmpty();
        Run typo = cli("replay", "--input", "x.log", "--usual-day", "3");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("--usual-day");
        assertThat(cli("frobnicate").err()).contains("Unmatched argument", "frobnicate");
    }

    @Test
    void aStrayArgumentIsAUsageError() {
        Run parse = cli("parse", "--format", "auto", "one.log", "two.log");
        assertThat(parse.exit()).isEqualTo(2);
        assertThat(parse.err()).contains("two.log", "see: tabiji parse --help");
        Run up = cli("up", "extra");
        assertThat(up.exit()).isEqualTo(2);
        assertThat(up.err()).contains("extra");
        assertThat(cli("users", "add", "ana", "bob", "--role", "viewer").exit()).isEqualTo(2);
    }

    @Test
    void missingAndMalformedValuesAreUsageErrors() {
        Run missing = cli("report", "--from", "2026-11-02", "--to", "2026-11-04");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option", "--out");
        Run date = cli("query", "visitors", "--from", "2026-13-01", "--to", "2026-11-04");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--from", "2026-13-01");
        Run noRange = cli("query", "flows");
        assertThat(noRange.exit()).isEqualTo(2);
        assertThat(noRange.err()).contains("needs --from and --to");
        assertThat(cli("ingest").err()).contains("syslog", "file PATH", "radius DIR");
        assertThat(cli("ingest", "file").err()).contains("Missing required parameter", "PATH");
        assertThat(cli("replay", "--input").err()).contains("--input");
        Run health = cli("replay", "--input", "x.log", "--usual-days", "9", "--usual-window-days", "7");
        assertThat(health.exit()).isEqualTo(2);
        assertThat(health.err()).contains("usual-days");
    }

    @Test
    void parseReadsTheFileAfterItsOptionsNotStandardInput() throws Exception {
        Path log = dir.resolve("one.log");
        Files.write(log, List.of("Nov  3 10:15:02 sendai-ap01 hostapd: wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:05"));
        String fromStdin = "Nov  3 11:00:00 sendai-ap01 hostapd: wlan0: AP-STA-CONNECTED 06:fc:e4:4a:e5:06\n";
        Run file = withStdin(fromStdin, "parse", "--format", "syslog", "--reference-time", "2026-11-29T12:00:00+09:00",
                log.toString());
        assertThat(file.exit()).as(file.err()).isZero();
        assertThat(file.out().lines().count()).isEqualTo(1);
        // the device of the file's line (as in ParseCommandTest), not the one on standard input
        assertThat(file.out()).contains("ae52f210edac386e").doesNotContain("06:fc:e4");
        Run stdin = withStdin(fromStdin, "parse", "--format", "syslog", "--reference-time", "2026-11-29T12:00:00+09:00");
        assertThat(stdin.exit()).as(stdin.err()).isZero();
        assertThat(stdin.out()).doesNotContain("ae52f210edac386e").contains("deviceId");
    }

    @Test
    void generatesABashCompletionScript() {
        Run r = cli("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F", "tabiji", "--segment", "--usual-window-days");
    }

    @Test
    void theHealthOptionsAreExactlyTheJobsFlags() {
        CommandLine replay = tree().getSubcommands().get("replay");
        for (String command : List.of("replay", "stream")) {
            List<String> names = tree().getSubcommands().get(command).getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).collect(Collectors.toList());
            for (String flag : HealthSettings.FLAGS) {
                assertThat(names).as(command).contains("--" + flag);
            }
        }
        CliFlags.Health health = new CliFlags.Health();
        new CommandLine(health).parseArgs(HealthSettings.FLAGS.stream()
                .flatMap(f -> java.util.stream.Stream.of("--" + f, "1")).toArray(String[]::new));
        assertThat(health.given().keySet()).containsExactlyInAnyOrderElementsOf(HealthSettings.FLAGS);
        assertThat(replay).isNotNull();
    }

    @Test
    void queryGroupingsAreTheCatalogues() {
        LocalDate from = LocalDate.parse("2026-11-02");
        LocalDate to = LocalDate.parse("2026-11-15");
        assertThat(CliQuery.parse("visitors", "site,week", null, from, to).request().groupBy())
                .containsExactlyInAnyOrder(Grouping.SITE, Grouping.WEEK);
        assertThat(CliQuery.parse("visitors", "day,lang", null, from, to).request().groupBy())
                .containsExactlyInAnyOrder(Grouping.DAY, Grouping.LANG);
        CliQuery bySegment = CliQuery.parse("dwell", "area,segment", null, from, to);
        assertThat(bySegment.metric()).isEqualTo(Metric.DWELL);
        assertThat(bySegment.request().groupBy()).containsExactlyInAnyOrder(Grouping.AREA, Grouping.SEGMENT);
        assertThatThrownBy(() -> CliQuery.parse("visitors", "site,galaxy", null, from, to))
                .isInstanceOf(UsageException.class).hasMessageContaining("--by 'galaxy' is not offered here")
                .hasMessageContaining("site,day | site,day,lang");
        assertThatThrownBy(() -> CliQuery.parse("visitors", "day", null, to, from))
                .isInstanceOf(UsageException.class).hasMessageContaining("before --from");
    }
}
