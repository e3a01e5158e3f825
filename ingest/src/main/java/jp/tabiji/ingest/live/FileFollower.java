package jp.tabiji.ingest.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.TransactionalPublisher;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.ingest.replay.RecordRouter;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows log files and publishes their records with their read positions in one Kafka transaction per cycle
 * ({@link TransactionalPublisher}): a restart, even after kill -9, resumes exactly after the last committed
 * record. When Kafka is unreachable the follower waits and then resumes from the last committed positions, so
 * nothing read meanwhile is lost or doubled.
 */
public final class FileFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileFollower.class);
    private static final int MAX_RECORDS_PER_TRANSACTION = 50_000;
    private static final long DRAIN_ON_STOP_MS = 5_000;

    /**
     * @param sourceId names this source's positions and its transactional id; one process per id
     * @param referenceMs the time years are inferred against, or null for each file's modification time
     * @param finishOlderFiles true for RADIUS detail directories: a file is complete once a newer one exists
     * @param sourceKind for DLQ records: file or radius
     */
    public record Settings(String sourceId, String kafka, Supplier<RecordDecoder> decoders, Long referenceMs,
                           int maxLineBytes, Duration pollInterval, Duration kafkaWait, boolean finishOlderFiles,
                           String sourceKind) {
    }

    private final Settings settings;
    private final Supplier<List<Path>> paths;
    private final EdgeProcessor edge;
    private final IngestCounters total;
    private final IngestCounters cycle = new IngestCounters();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile String state = "starting";
    private volatile RuntimeException fatal;

    public FileFollower(Settings settings, Supplier<List<Path>> paths, EdgeProcessor edge, IngestCounters total) {
        this.settings = settings;
        this.paths = paths;
        this.edge = edge;
        this.total = total;
        this.thread = new Thread(this::run, "file-follower-" + settings.sourceId());
    }

    public void start() {
        thread.start();
    }

    /** What the follower is doing: following, waiting for Kafka, stopped. */
    public String state() {
        return state;
    }

    private void run() {
        while (!stopping) {
            Map<Path, TailedFile> files = new LinkedHashMap<>();
            try {
                TopicSetup.ensureTopics(settings.kafka(), 2, (int) settings.kafkaWait().toMillis());
            } catch (IllegalStateException e) {
                state = "waiting for Kafka";
                LOG.warn("Kafka unavailable ({}); waiting", e.getMessage());
                sleep(settings.kafkaWait().toMillis() / 4);
                continue;
            }
            try (TransactionalPublisher tx = new TransactionalPublisher(settings.kafka(),
                    "tabiji-ingest-" + settings.sourceId(), settings.kafkaWait().toMillis()).measuring(total.kafkaSend)) {
                Map<String, FilePosition> committed = new HashMap<>(PositionStore.read(settings.kafka(),
                        settings.sourceId(), settings.kafkaWait()));
                state = "following";
                follow(tx, files, committed);
                state = "stopped";
                return;
            } catch (ProducerFencedException e) {
                fatal = new IllegalStateException("another ingest process took over source " + settings.sourceId());
                LOG.error(fatal.getMessage());
                state = "fenced";
                return;
            } catch (KafkaException e) {
                state = "waiting for Kafka";
                LOG.warn("Kafka unavailable ({}); resuming from the last committed positions when it is back",
                        e.getClass().getSimpleName());
                cycle.reset();
                sleep(settings.kafkaWait().toMillis() / 4);
            } catch (IOException | RuntimeException e) {
                state = "retrying after an error";
                LOG.error("file follower failed, restarting from the last committed positions: {}", e.toString());
                cycle.reset();
                sleep(1000);
            } finally {
                closeAll(files);
            }
        }
        state = "stopped";
    }

    private void follow(TransactionalPublisher tx, Map<Path, TailedFile> files, Map<String, FilePosition> committed)
            throws IOException {
        RecordRouter router = new RecordRouter(edge, tx::publish, tx::reject, System::currentTimeMillis, cycle,
                settings.sourceKind());
        long stopBy = Long.MAX_VALUE;
        while (true) {
            boolean last = stopping; // cycles after a stop request drain what is there
            if (last && stopBy == Long.MAX_VALUE) {
                stopBy = System.currentTimeMillis() + DRAIN_ON_STOP_MS;
            }
            List<Path> current = paths.get();
            for (Path p : current) {
                if (!files.containsKey(p)) {
                    files.put(p, TailedFile.resume(p, committed.get(p.toString()), settings.decoders(),
                            settings.maxLineBytes()));
                }
            }
            long read = 0;
            List<TailedFile> list = new ArrayList<>(files.values());
            for (int i = 0; i < list.size(); i++) {
                TailedFile f = list.get(i);
                long ref = reference(f.path());
                int n;
                do {
                    n = f.poll(1 << 20, ref, router::route);
                    read += n;
                } while (n > 0 && tx.pending() < MAX_RECORDS_PER_TRANSACTION);
                if (settings.finishOlderFiles() && i < list.size() - 1 && n == 0) {
                    f.finishRecords(ref, router::route);
                }
            }
            for (TailedFile f : list) {
                FilePosition pos = f.position();
                String k = f.path().toString();
                if (pos != null && !pos.equals(committed.get(k))) {
                    tx.position(PositionStore.key(settings.sourceId(), k), pos.toJson());
                    committed.put(k, pos);
                }
            }
            tx.commit();
            cycle.moveTo(total);
            if (last && (read == 0 || System.currentTimeMillis() > stopBy)) {
                return; // a file that keeps growing is left where its committed position says
            }
            if (read == 0) {
                sleep(settings.pollInterval().toMillis());
            }
        }
    }

    private long reference(Path p) {
        if (settings.referenceMs() != null) {
            return settings.referenceMs();
        }
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    private static void closeAll(Map<Path, TailedFile> files) {
        for (TailedFile f : files.values()) {
            try {
                f.close();
            } catch (IOException e) {
                // closing a read-only channel
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Reads what is there, commits it, and stops. Throws if the follower had to give up. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fatal != null) {
            throw fatal;
        }
    }
}
