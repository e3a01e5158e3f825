package jp.tabiji.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import org.junit.jupiter.api.Test;

/** Event time comes from the record's own {@code ts}, whatever the Kafka timestamp (the time it was published). */
class EventTimeAssignerTest {
    @Test
    void readsTheEventsOwnTimeNotThePublishingTime() {
        WifiEvent e = new WifiEvent();
        e.ts = 1_762_045_200_123L;
        e.apId = "ap";
        e.deviceId = "d";
        e.type = EventType.CONNECT;
        byte[] record = new WifiEventCodec().encode(e);
        long published = 1_796_000_000_000L;
        assertThat(new EventTimeAssigner().extractTimestamp(record, published)).isEqualTo(1_762_045_200_123L);
    }

    @Test
    void aRecordOfAnotherShapeKeepsItsKafkaTimestamp() {
        EventTimeAssigner a = new EventTimeAssigner();
        assertThat(a.extractTimestamp("not json".getBytes(StandardCharsets.UTF_8), 42L)).isEqualTo(42L);
        assertThat(a.extractTimestamp("{\"v\":1,\"ts\":x}".getBytes(StandardCharsets.UTF_8), 42L)).isEqualTo(42L);
        assertThat(a.extractTimestamp(new byte[0], 42L)).isEqualTo(42L);
    }
}
