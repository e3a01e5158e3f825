package jp.tabiji.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.MiyagiSites;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publish throughput into a local broker: Tabiji's {@link EventPublisher} (encoding included) against a bare
 * kafka-clients producer with the same settings sending the same bytes, alternating rounds in one run so both
 * see the same machine state.
 */
final class PublishBench {
    /** Events per second of each side (median of the rounds) and their ratio. */
    record Result(int events, double tabiji, double raw) {
        double ratio() {
            return tabiji / raw;
        }
    }

    private PublishBench() {
    }

    static Result run(Path dir, int events, int rounds) throws Exception {
        List<WifiEvent> evs = events(events);
        WifiEventCodec codec = new WifiEventCodec();
        List<byte[][]> encoded = new ArrayList<>(evs.size());
        for (WifiEvent e : evs) {
            encoded.add(new byte[][] {e.deviceId.getBytes(StandardCharsets.UTF_8), codec.encode(e)});
        }
        try (KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), FreePorts.find(), FreePorts.find()).start()) {
            TopicSetup.ensureTopics(kafka.bootstrapServers(), 2);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("bench.raw", 2, (short) 1))).all().get();
            }
            double[] tabiji = new double[rounds];
            double[] raw = new double[rounds];
            // a first round of each warms up the JIT and the broker; it is not counted
            rawRound(kafka.bootstrapServers(), encoded);
            tabijiRound(kafka.bootstrapServers(), evs);
            for (int r = 0; r < rounds; r++) {
                raw[r] = rawRound(kafka.bootstrapServers(), encoded);
                tabiji[r] = tabijiRound(kafka.bootstrapServers(), evs);
            }
            return new Result(events, median(tabiji), median(raw));
        }
    }

    private static double tabijiRound(String bootstrap, List<WifiEvent> evs) {
        long t0 = System.nanoTime();
        try (EventPublisher p = new EventPublisher(bootstrap)) {
            for (WifiEvent e : evs) {
                p.publish(e);
            }
            p.flush();
        }
        return evs.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** The same producer settings as {@link EventPublisher}. */
    private static double rawRound(String bootstrap, List<byte[][]> encoded) {
        Properties p = EventPublisher.producerSettings(bootstrap);
        long t0 = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[][] kv : encoded) {
                producer.send(new ProducerRecord<>("bench.raw", kv[0], kv[1]));
            }
            producer.flush();
        }
        return encoded.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Normalized events from generated hostapd lines, as ingest would publish them. */
    private static List<WifiEvent> events(int n) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ApRegistry registry = ApRegistry.parse(MiyagiSites.registryCsv().lines().toList(), "bench");
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(registry, new Pseudonymizer(
                "bench-secret".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, tokyo)), OptOutList.empty());
        RecordDecoder d = new RecordDecoder(LogFormat.AUTO, new ParseContext(tokyo, null));
        List<WifiEvent> out = new ArrayList<>(n);
        long lineNo = 0;
        for (String line : BenchLines.generate("hostapd-rfc5424", n, 7)) {
            d.accept(line, ++lineNo, 0, rec -> out.add(((EdgeProcessor.Event) edge.process(rec.result())).event()));
        }
        return out;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
