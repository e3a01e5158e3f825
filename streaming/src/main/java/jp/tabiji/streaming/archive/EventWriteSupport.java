package jp.tabiji.streaming.archive;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link WifiEvent}s straight into Parquet columns: the Avro detour (a record per event, then a generic
 * walk over its schema) was a third of the source task. The file is the one Avro wrote: the same Parquet schema,
 * derived from {@link EventArchive#SCHEMA}, and the Avro schema in the footer for Avro readers.
 */
final class EventWriteSupport extends WriteSupport<WifiEvent> {
    static final MessageType PARQUET_SCHEMA = new AvroSchemaConverter().convert(EventArchive.SCHEMA);
    private static final Map<String, String> FOOTER = Map.of("parquet.avro.schema", EventArchive.SCHEMA.toString(),
            "writer.model.name", "tabiji");

    private RecordConsumer out;

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(PARQUET_SCHEMA, FOOTER);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(PARQUET_SCHEMA, FOOTER);
    }

    @Override
    public String getName() {
        return "tabiji";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    /** Fields in {@link EventArchive#SCHEMA}'s order; a null optional field is a field not written. */
    @Override
    public void write(WifiEvent e) {
        out.startMessage();
        int i = 0;
        number(i++, "ts", e.ts);
        text(i++, "apId", e.apId);
        text(i++, "siteId", e.siteId);
        text(i++, "deviceId", e.deviceId);
        out.startField("randomMac", i);
        out.addBoolean(e.randomMac);
        out.endField("randomMac", i++);
        text(i++, "type", e.type.name());
        text(i++, "lang", e.lang);
        text(i++, "ssid", e.ssid);
        number(i++, "bytesIn", e.bytesIn);
        number(i++, "bytesOut", e.bytesOut);
        number(i++, "sessionSeconds", e.sessionSeconds);
        text(i, "source", e.source);
        out.endMessage();
    }

    private void number(int index, String name, long v) {
        out.startField(name, index);
        out.addLong(v);
        out.endField(name, index);
    }

    private void number(int index, String name, Long v) {
        if (v != null) {
            number(index, name, v.longValue());
        }
    }

    private void text(int index, String name, String v) {
        if (v != null) {
            out.startField(name, index);
            // String.getBytes is an intrinsic; Binary.fromString goes through a CharsetEncoder and two buffers
            out.addBinary(Binary.fromConstantByteArray(v.getBytes(StandardCharsets.UTF_8)));
            out.endField(name, index);
        }
    }

    /** A Parquet writer of events with this write support. */
    static final class Builder extends ParquetWriter.Builder<WifiEvent, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<WifiEvent> getWriteSupport(Configuration conf) {
            return new EventWriteSupport();
        }

        @Override
        protected WriteSupport<WifiEvent> getWriteSupport(ParquetConfiguration conf) {
            return new EventWriteSupport();
        }
    }
}
