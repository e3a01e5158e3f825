package jp.tabiji.streaming.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventWriteSupportTest {
    @TempDir
    Path dir;

    @Test
    void avroReadersReadBackEveryFieldNullsIncluded() throws Exception {
        WifiEvent full = new WifiEvent(1793668502000L, "sendai-ap01", "sendai-station", "ae52f210edac386e", true,
                EventType.ACCT_STOP, "zh-Hant", "radius");
        full.ssid = "Miyagi_Free_Wi-Fi 宮城";
        full.bytesIn = 1234L;
        full.bytesOut = 0L;
        full.sessionSeconds = 3600L;
        WifiEvent sparse = new WifiEvent(-5L, "unknown:ap-9", null, "d2", false, EventType.LOGIN, null, null);
        Path file = dir.resolve("events.parquet");
        try (ParquetWriter<WifiEvent> w = new EventWriteSupport.Builder(new LocalOutputFile(file)).build()) {
            w.write(full);
            w.write(sparse);
        }
        List<GenericRecord> back = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                back.add(rec);
            }
        }
        assertThat(back).hasSize(2);
        assertThat(back.get(0).getSchema()).isEqualTo(EventArchive.SCHEMA);
        assertThat(back.get(0).toString()).isEqualTo("{\"ts\": 1793668502000, \"apId\": \"sendai-ap01\", "
                + "\"siteId\": \"sendai-station\", \"deviceId\": \"ae52f210edac386e\", \"randomMac\": true, "
                + "\"type\": \"ACCT_STOP\", \"lang\": \"zh-Hant\", \"ssid\": \"Miyagi_Free_Wi-Fi 宮城\", "
                + "\"bytesIn\": 1234, \"bytesOut\": 0, \"sessionSeconds\": 3600, \"source\": \"radius\"}");
        assertThat(back.get(1).toString()).isEqualTo("{\"ts\": -5, \"apId\": \"unknown:ap-9\", \"siteId\": null, "
                + "\"deviceId\": \"d2\", \"randomMac\": false, \"type\": \"LOGIN\", \"lang\": null, \"ssid\": null, "
                + "\"bytesIn\": null, \"bytesOut\": null, \"sessionSeconds\": null, \"source\": null}");
        try (ParquetFileReader meta = ParquetFileReader.open(new LocalInputFile(file))) {
            // what any Parquet reader (ClickHouse, DuckDB, Spark) sees: required and optional as the contract says
            assertThat(meta.getFooter().getFileMetaData().getSchema().toString()).isEqualTo("""
                    message jp.tabiji.WifiEvent {
                      required int64 ts;
                      required binary apId (STRING);
                      optional binary siteId (STRING);
                      required binary deviceId (STRING);
                      required boolean randomMac;
                      required binary type (STRING);
                      optional binary lang (STRING);
                      optional binary ssid (STRING);
                      optional int64 bytesIn;
                      optional int64 bytesOut;
                      optional int64 sessionSeconds;
                      optional binary source (STRING);
                    }
                    """);
        }
    }
}
