package jp.tabiji.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.tabiji.streaming.archive.EventArchive;
import jp.tabiji.streaming.move.Move;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.io.TempDir;
import jp.tabiji.streaming.visit.SiteDayVisitor;
import jp.tabiji.streaming.visit.SiteHourVisitor;
import jp.tabiji.streaming.visit.Visit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole topology on a MiniCluster (parallelism 2) with an injected bounded source and collecting sinks. */
class VisitJobPipelineTest {
    @TempDir
    static Path archive;
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static long at(String dayTime) {
        return OffsetDateTime.parse("2026-11-" + dayTime + ":00+09:00").toInstant().toEpochMilli();
    }

    private static WifiEvent ev(String device, String dayTime, String ap, String site, EventType type, String lang) {
        return new WifiEvent(at(dayTime), ap, site, device, false, type, lang, "test");
    }

    @Test
    void eventsBecomeVisitsSiteDayVisitorsMovesAndDeadLetters() throws Exception {
        WifiEventCodec codec = new WifiEventCodec();
        List<WifiEvent> events = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            String dev = String.format("%016x", d);
            // 08:50 Tokyo is the previous UTC date; the visit still belongs to Nov 3
            events.add(ev(dev, "03T08:50", "st1", "sendai-station", EventType.CONNECT, null));
            events.add(ev(dev, "03T08:52", "st1", "sendai-station", EventType.LOGIN, d % 2 == 0 ? "ja" : "zh-Hant"));
            events.add(ev(dev, "03T09:40", "st1", "sendai-station", EventType.DISCONNECT, null));
            events.add(ev(dev, "03T10:30", "m1", "matsushima", EventType.CONNECT, null));
            events.add(ev(dev, "03T12:00", "m1", "matsushima", EventType.DISCONNECT, null));
            events.add(ev(dev, "03T12:10", "lobby", null, EventType.CONNECT, null));
        }
        // in event-time order, as the job expects within its out-of-orderness bound
        events.sort(java.util.Comparator.comparingLong(e -> e.ts));
        List<byte[]> input = new ArrayList<>(events.stream().map(codec::encode).toList());
        input.add("{not json".getBytes());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        WatermarkStrategy<byte[]> wm = WatermarkStrategy.<byte[]>forBoundedOutOfOrderness(Duration.ofMinutes(2))
                .withTimestampAssigner((b, t) -> b[0] == '{' && b[1] == '"' ? new WifiEventCodec().decode(b).ts : 0L);
        DataStream<byte[]> stream = env.fromData(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
                input.toArray(new byte[0][])).assignTimestampsAndWatermarks(wm).setParallelism(1);
        CollectingSink<Visit> visits = new CollectingSink<>();
        CollectingSink<SiteDayVisitor> siteDays = new CollectingSink<>();
        CollectingSink<Move> moves = new CollectingSink<>();
        CollectingSink<SiteHourVisitor> siteHours = new CollectingSink<>();
        CollectingSink<byte[]> dlq = new CollectingSink<>();
        CollectingSink<byte[]> late = new CollectingSink<>();
        VisitJob.defineWorkflow(env, stream, ZoneId.of("Asia/Tokyo"), new VisitJob.Sinks(visits, siteDays, siteHours, moves,
                EventArchive.sink(archive.toUri().toString(), ZoneId.of("Asia/Tokyo")), dlq, late));
        env.execute("pipeline test");

        assertThat(visits.received()).hasSize(40);
        assertThat(visits.received()).filteredOn(v -> v.siteId.equals("sendai-station"))
                .allSatisfy(v -> assertThat(v.dwellSeconds()).isEqualTo(50 * 60));
        assertThat(visits.received()).filteredOn(v -> v.siteId.equals("matsushima")).extracting(v -> v.lang)
                .containsOnly("ja", "zh-Hant");
        assertThat(siteDays.received()).hasSize(40).allSatisfy(s -> assertThat(s.day)
                .isEqualTo((int) java.time.LocalDate.of(2026, 11, 3).toEpochDay()));
        // a visitor of an hour has an event in it (DESIGN.md): 08 and 09 at the station; 10 and 12, not 11, at Matsushima
        assertThat(siteHours.received()).hasSize(20 * 4).extracting(h -> h.siteId + "@" + h.hour).contains(
                "sendai-station@2026-11-03T08", "sendai-station@2026-11-03T09", "matsushima@2026-11-03T10",
                "matsushima@2026-11-03T12").doesNotContain("matsushima@2026-11-03T11");
        // each device went from the station to Matsushima 50 minutes later, in the language it logged in with
        assertThat(moves.received()).hasSize(20).allSatisfy(m -> {
            assertThat(m.originSiteId).isEqualTo("sendai-station");
            assertThat(m.destinationSiteId).isEqualTo("matsushima");
            assertThat(m.travelSeconds()).isEqualTo(50 * 60);
            assertThat(m.lang).isIn("ja", "zh-Hant");
        });
        assertThat(dlq.received()).singleElement().satisfies(b -> assertThat(new String(b)).contains("undecodable"));
        assertThat(late.received()).isEmpty();
        assertArchiveHoldsExactly(events);
    }

    /** Every accepted event, once, under dt=/hour= of its Tokyo time, ZSTD-compressed. */
    private static void assertArchiveHoldsExactly(List<WifiEvent> accepted) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(archive.relativize(f).toString())
                .matches("dt=2026-11-0[23]/hour=\\d\\d/events-.*\\.parquet"));
        List<String> archived = new ArrayList<>();
        for (Path f : files) {
            String bucket = archive.relativize(f.getParent()).toString();
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(f))
                    .withDataModel(GenericData.get()).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    long ts = (Long) r.get("ts");
                    assertThat(bucket).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH")
                            .format(java.time.Instant.ofEpochMilli(ts).atZone(ZoneId.of("Asia/Tokyo"))));
                    archived.add(r.get("deviceId") + "@" + ts + ":" + r.get("type") + ":" + r.get("siteId"));
                }
            }
            try (ParquetFileReader meta = ParquetFileReader.open(new LocalInputFile(f))) {
                assertThat(meta.getFooter().getBlocks().get(0).getColumns().get(0).getCodec())
                        .isEqualTo(CompressionCodecName.ZSTD);
            }
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(
                accepted.stream().map(e -> e.deviceId + "@" + e.ts + ":" + e.type + ":" + e.siteId).toList());
    }
}
