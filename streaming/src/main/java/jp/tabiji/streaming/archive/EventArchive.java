package jp.tabiji.streaming.archive;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.visit.RegionClock;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet archive of every accepted event: the contract's fields, ZSTD-compressed, in directories
 * {@code dt=YYYY-MM-DD/hour=HH} of the event's time in the region zone (Flink's stock date-time assigner would
 * use processing time, which puts a replay of last month under today). Files are completed on checkpoints and
 * at the end of a bounded run. The directory may be any Flink file system URI (file://, s3://...).
 */
public final class EventArchive {
    /**
     * The archive's schema: DESIGN.md's event contract; optional fields are nullable. The files are written
     * without Avro ({@link EventWriteSupport}), in the Parquet schema Avro derives from this one.
     */
    public static final Schema SCHEMA = SchemaBuilder.record("WifiEvent").namespace("jp.tabiji").fields()
            .requiredLong("ts")
            .requiredString("apId")
            .optionalString("siteId")
            .requiredString("deviceId")
            .requiredBoolean("randomMac")
            .requiredString("type")
            .optionalString("lang")
            .optionalString("ssid")
            .optionalLong("bytesIn")
            .optionalLong("bytesOut")
            .optionalLong("sessionSeconds")
            .optionalString("source")
            .endRecord();

    private EventArchive() {
    }

    public static FileSink<WifiEvent> sink(String directory, ZoneId zone) {
        ParquetWriterFactory<WifiEvent> writers = new ParquetWriterFactory<>(out -> new EventWriteSupport.Builder(out)
                // without Hadoop's default resources: a file is opened per hour bucket and checkpoint, and each
                // default configuration parsed core-default.xml again (a tenth of the source task)
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.ZSTD)
                // dictionaries only where values repeat: hashing every pseudonym and time into one cost more
                // than the rest of the archive, and the dictionary is abandoned for them anyway
                .withDictionaryEncoding("ts", false).withDictionaryEncoding("deviceId", false)
                .withDictionaryEncoding("bytesIn", false).withDictionaryEncoding("bytesOut", false)
                .withDictionaryEncoding("sessionSeconds", false)
                .build());
        return FileSink.forBulkFormat(new Path(directory), writers)
                .withBucketAssigner(new EventTimeBuckets(zone))
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("events").withPartSuffix(".parquet")
                        .build())
                .build();
    }

    /** {@code dt=YYYY-MM-DD/hour=HH} of the event time in the region zone. */
    static final class EventTimeBuckets implements BucketAssigner<WifiEvent, String> {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH");
        private final RegionClock clock;
        private transient long lastHour = Long.MIN_VALUE;
        private transient String lastBucket;

        EventTimeBuckets(ZoneId zone) {
            this.clock = new RegionClock(zone);
        }

        @Override
        public String getBucketId(WifiEvent e, Context ctx) {
            long hour = clock.hour(e.ts);
            if (hour != lastHour || lastBucket == null) { // events come roughly in time order: one format per hour
                lastBucket = BUCKET.format(LocalDateTime.ofEpochSecond(hour * 3_600L, 0, ZoneOffset.UTC));
                lastHour = hour;
            }
            return lastBucket;
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
