package jp.tabiji.streaming.archive;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet archive of every accepted event: the contract's fields, ZSTD-compressed, in directories
 * {@code dt=YYYY-MM-DD/hour=HH} of the event's time in the region zone (Flink's stock date-time assigner would
 * use processing time, which puts a replay of last month under today). Files are completed on checkpoints and
 * at the end of a bounded run. The directory may be any Flink file system URI (file://, s3://...).
 */
public final class EventArchive {
    /** The archive's schema: DESIGN.md's event contract; optional fields are nullable. */
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

    public static FileSink<GenericRecord> sink(String directory, ZoneId zone) {
        ParquetWriterFactory<GenericRecord> writers = new ParquetWriterFactory<>(out -> AvroParquetWriter
                .<GenericRecord>builder(out).withSchema(SCHEMA).withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.ZSTD).build());
        return FileSink.forBulkFormat(new Path(directory), writers)
                .withBucketAssigner(new EventTimeBuckets(zone))
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("events").withPartSuffix(".parquet")
                        .build())
                .build();
    }

    /** WifiEvent → the archive's record. */
    public static final class ToRecord implements MapFunction<WifiEvent, GenericRecord> {
        @Override
        public GenericRecord map(WifiEvent e) {
            GenericData.Record r = new GenericData.Record(SCHEMA);
            r.put("ts", e.ts);
            r.put("apId", e.apId);
            r.put("siteId", e.siteId);
            r.put("deviceId", e.deviceId);
            r.put("randomMac", e.randomMac);
            r.put("type", e.type.name());
            r.put("lang", e.lang);
            r.put("ssid", e.ssid);
            r.put("bytesIn", e.bytesIn);
            r.put("bytesOut", e.bytesOut);
            r.put("sessionSeconds", e.sessionSeconds);
            r.put("source", e.source);
            return r;
        }
    }

    /** {@code dt=YYYY-MM-DD/hour=HH} of the event time in the region zone. */
    static final class EventTimeBuckets implements BucketAssigner<GenericRecord, String> {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH");
        private final ZoneId zone;

        EventTimeBuckets(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public String getBucketId(GenericRecord r, Context ctx) {
            return BUCKET.format(Instant.ofEpochMilli((Long) r.get("ts")).atZone(zone));
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
