package jp.tabiji.ingest.live;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.LineParser;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.ParseResult;
import jp.tabiji.ingest.publish.DeadLetter;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.ingest.replay.LogRecord;
import jp.tabiji.ingest.replay.RecordRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `tabiji ingest syslog`: a {@link SyslogServer} fills a bounded queue; one thread parses each message (the time
 * of receipt is the reference for years; the sender's address is the AP of messages that name none, unless
 * {@code --ap} says otherwise) and publishes it. Shutdown stops the listeners, drains the queue and flushes.
 */
public final class SyslogIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogIngest.class);
    private static final int MAX_PARSERS = 4096;

    /** Tunables with their defaults. */
    public record Settings(ZoneId zone, String defaultAp, int queueCapacity, int maxMessageBytes, long tcpWaitMs,
                           SyslogServer.TcpLimits tcp, Duration shutdownTimeout) {
        public static Settings defaults(ZoneId zone, String defaultAp) {
            return new Settings(zone, defaultAp, 100_000, 8 * 1024, 5_000, SyslogServer.TcpLimits.defaults(),
                    Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final EventPublisher publisher;
    private final RecordRouter router;
    private final IngestCounters counters;
    private final BlockingQueue<SyslogMessage> queue;
    private final SyslogServer server;
    private final Map<String, LineParser> parsers = new HashMap<>();
    private final Thread worker;
    private volatile boolean stopping;
    private volatile boolean abandoned;

    public SyslogIngest(Settings settings, EdgeProcessor edge, EventPublisher publisher, IngestCounters counters) {
        this.settings = settings;
        this.publisher = publisher;
        this.counters = counters;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.server = new SyslogServer(queue, settings.maxMessageBytes(), settings.tcpWaitMs(), settings.tcp(),
                counters.dropped);
        this.router = new RecordRouter(edge, publisher::publish, publisher::reject, System::currentTimeMillis,
                counters, "syslog");
        this.worker = new Thread(this::drain, "syslog-publisher");
    }

    public void start(List<SyslogEndpoint> endpoints) throws IOException {
        server.start(endpoints);
        worker.start();
    }

    public SyslogServer server() {
        return server;
    }

    public int queued() {
        return queue.size();
    }

    private void drain() {
        while (true) {
            SyslogMessage m;
            try {
                m = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (m == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            if (abandoned) {
                counters.dropped.incrementAndGet(); // shutting down without Kafka: counted, not kept
                continue;
            }
            try {
                ParseResult r = m.overLength()
                        ? new ParseResult.Rejected("message longer than " + settings.maxMessageBytes() + " bytes")
                        : parser(m.sender()).parse(m.text(), m.receivedAt());
                router.route(new LogRecord(m.transport() + "://" + m.sender(), 0, m.text(), r, m.receivedAt()));
            } catch (RuntimeException e) {
                if (abandoned) {
                    counters.dropped.incrementAndGet();
                    continue;
                }
                // a bug must not stop the source: the message goes to the DLQ with the reason
                LOG.error("syslog message could not be processed: {}", DeadLetter.maskedReason(e));
                publisher.reject(DeadLetter.of("internal error: " + e.getClass().getSimpleName(), "syslog",
                        System.currentTimeMillis(), m.transport() + "://" + m.sender(), 0, m.text()));
                counters.reject("internal error: " + e.getClass().getSimpleName());
            }
        }
    }

    private LineParser parser(String sender) {
        String ap = settings.defaultAp() != null ? settings.defaultAp() : sender;
        LineParser p = parsers.get(ap);
        if (p == null) {
            if (parsers.size() >= MAX_PARSERS) {
                parsers.clear();
            }
            p = new LineParser(new ParseContext(settings.zone(), ap));
            parsers.put(ap, p);
        }
        return p;
    }

    /**
     * Stops listening, publishes everything received and waits for Kafka, at most the shutdown timeout; what
     * Kafka has not taken by then is counted as dropped.
     */
    @Override
    public void close() throws IOException {
        server.close();
        stopping = true;
        long deadline = System.currentTimeMillis() + settings.shutdownTimeout().toMillis();
        try {
            worker.join(settings.shutdownTimeout().toMillis());
            // a worker still running is blocked on Kafka: closing the producer releases it, and the rest is counted
            abandoned = worker.isAlive();
            long unsent = publisher.close(Duration.ofMillis(Math.max(0, deadline - System.currentTimeMillis())));
            worker.join();
            if (unsent > 0 || abandoned) {
                counters.dropped.addAndGet(unsent);
                LOG.warn("Kafka did not take everything within {}: {} messages dropped in all",
                        settings.shutdownTimeout(), counters.dropped.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
