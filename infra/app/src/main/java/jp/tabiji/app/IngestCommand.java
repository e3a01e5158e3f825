package jp.tabiji.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jp.tabiji.ingest.live.SyslogEndpoint;
import jp.tabiji.ingest.live.SyslogIngest;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.replay.IngestCounters;

/**
 * `tabiji ingest syslog|file|radius`: live sources that run until stopped (Ctrl-C or SIGTERM), then shut down
 * cleanly: stop reading, publish what was read, wait for Kafka.
 */
final class IngestCommand {
    private final AppConfig config;
    private final byte[] secret;
    private final PrintStream out;
    private final boolean terminal;

    IngestCommand(AppConfig config, byte[] secret, PrintStream out, boolean terminal) {
        this.config = config;
        this.secret = secret;
        this.out = out;
        this.terminal = terminal;
    }

    int syslog(Args a, SourceOptions options) throws Exception {
        List<SyslogEndpoint> endpoints = SyslogEndpoint.parseList(a.get("listen",
                "udp://127.0.0.1:5514,tcp://127.0.0.1:5514"));
        SyslogIngest.Settings defaults = SyslogIngest.Settings.defaults(config.zone(), options.defaultAp());
        SyslogIngest.Settings settings = new SyslogIngest.Settings(config.zone(), options.defaultAp(),
                a.getInt("buffer", defaults.queueCapacity()), defaults.maxMessageBytes(), defaults.tcpWaitMs(),
                defaults.shutdownTimeout());
        TopicSetup.ensureTopics(config.kafka(), 2);
        IngestCounters counters = new IngestCounters();
        EventPublisher publisher = new EventPublisher(config.kafka(), EventPublisher.waitForKafka());
        SyslogIngest ingest = new SyslogIngest(settings, edge(options), publisher, counters);
        ingest.start(endpoints);
        out.println("ingest syslog: listening on " + ingest.server().boundAddresses() + ", publishing to "
                + Topics.EVENTS + " at " + config.kafka() + " (Ctrl-C stops)");
        runUntilStopped(ingest, () -> String.format("syslog: %,d messages, %,d events, %,d rejected, %,d skipped, "
                        + "%,d opted out, %,d dropped (buffer full), %,d queued", counters.lines.get(),
                counters.published.get(), counters.rejected.get(), counters.skipped.get(), counters.optedOut.get(),
                counters.dropped.get(), ingest.queued()));
        return 0;
    }

    EdgeProcessor edge(SourceOptions options) {
        return new EdgeProcessor(new EventNormalizer(options.registry(),
                new Pseudonymizer(secret, config.period(), config.zone())), options.optOut());
    }

    /** Shows progress until SIGINT/SIGTERM, then closes the source and prints where it stands. */
    void runUntilStopped(AutoCloseable source, java.util.function.Supplier<String> status) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Progress p = new Progress(out, terminal, status)) {
            stop.await();
            out.println();
            out.println("stopping: publishing what was received ...");
            source.close();
        } finally {
            done.countDown();
        }
    }
}
