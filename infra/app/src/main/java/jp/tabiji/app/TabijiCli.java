package jp.tabiji.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tabiji.analytics.clickhouse.ClickHouseException;
import jp.tabiji.ingest.privacy.MacMasker;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The `tabiji` command, on picocli: each subcommand declares its options (StackCli, SourceCli, ResultCli), picocli
 * rejects unknown options and stray arguments and prints each command's help; the work is done by {@link Commands}.
 * Exit codes: 0 done, 1 failed, 2 a usage error, 3 the stack is down ({@code status}).
 */
@Command(name = "tabiji", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "tabiji 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Visitor trends from the logs of a region's free public Wi-Fi (README.md).",
        subcommands = {StackCli.Demo.class, StackCli.Up.class, StackCli.Schema.class, StackCli.Down.class, StackCli.Status.class,
                SourceCli.Simulate.class, SourceCli.Replay.class, SourceCli.Ingest.class, SourceCli.Stream.class,
                SourceCli.Parse.class, ResultCli.Serve.class, ResultCli.Users.class, ResultCli.Report.class, ResultCli.OpenData.class, ResultCli.Calibrate.class, EventsCli.Events.class, EventsCli.Forecast.class,
                ResultCli.Query.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class TabijiCli implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintStream out;
    private final InputStream stdin;
    private Commands commands;
    @Spec
    CommandSpec spec;

    TabijiCli(Map<String, String> env, PrintStream out, InputStream stdin) {
        this.env = env;
        this.out = out;
        this.stdin = stdin;
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv(), System.out, System.err, System.in));
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(argv, env, out, err, System.in);
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err, InputStream stdin) {
        return commandLine(env, out, err, stdin).execute(argv);
    }

    /** The command tree with this process's streams; what the tests and the completion script see. */
    static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err, InputStream stdin) {
        CommandLine cl = new CommandLine(new TabijiCli(env, out, stdin));
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // the overview only: subcommands inherit the help options, not this footer
        cl.getCommandSpec().usageMessage().footerHeading("%nConfiguration (environment, see README.md):%n").footer(
                "  TABIJI_HOME TABIJI_KAFKA TABIJI_CLICKHOUSE TABIJI_CLICKHOUSE_DB",
                "  TABIJI_ZONE TABIJI_K TABIJI_PERIOD TABIJI_SECRET TABIJI_SECRET_FILE",
                "  TABIJI_OPT_OUT TABIJI_SEGMENT_RULES TABIJI_BIND TABIJI_PORT",
                "  TABIJI_ALERT_WEBHOOK TABIJI_ALERT_WEBHOOK_SECRET TABIJI_METRICS_PORT",
                "  TABIJI_OPENDATA_CODE TABIJI_OPENDATA_PUBLISHER",
                "  TABIJI_FLINK_METRICS_PORT",
                "%nThrough the ./tabiji script also: test (every test),",
                "  bench ingest|pipeline|api [--quick] (docs/PERFORMANCE.md).",
                "Shell completion: source <(./tabiji generate-completion)");
        // a mistyped option is an error, never a file name taken by --input's list
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setParameterExceptionHandler(TabijiCli::usageError);
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line, err));
        return cl;
    }

    /** `tabiji` alone: the overview, and a usage error's exit code (nothing was asked for). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The configuration and the commands, made once a command runs (never for --help). */
    Commands commands() throws IOException {
        if (commands == null) {
            AppConfig config = AppConfig.fromEnv(env);
            config.ensureHome();
            commands = new Commands(config, env, out, Progress.isTerminal());
        }
        return commands;
    }

    InputStream stdin() {
        return stdin;
    }

    /** An unknown option, a stray argument, a missing or malformed value: say which, and where the help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("tabiji: " + MacMasker.mask(e.getMessage()));
        err.println("see: " + line.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return 2;
    }

    private static int failed(Exception e, CommandLine line, PrintStream err) {
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            err.println("tabiji: " + MacMasker.mask(e.getMessage()));
            return 2;
        }
        if (e instanceof ClickHouseException) {
            err.println("tabiji: " + e.getMessage());
            return 1;
        }
        // exception texts can quote input: masked like every other output
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println("tabiji: " + line.getCommandName() + " failed: " + MacMasker.mask(e.toString()));
        err.print(MacMasker.mask(trace.toString()));
        return 1;
    }
}
