package jp.tabiji.streaming.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.tabiji.streaming.visit.Visit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MoveDetectorHarnessTest {
    private KeyedOneInputStreamOperatorTestHarness<String, Visit, Move> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MoveDetector(
                Duration.ofHours(6), Duration.ofDays(2), ZoneId.of("Asia/Tokyo"))), v -> v.deviceId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static long at(String dayTime) {
        return OffsetDateTime.parse("2026-11-" + dayTime + ":00+09:00").toInstant().toEpochMilli();
    }

    private void visit(String device, String site, String from, String to, String lang) throws Exception {
        Visit v = new Visit();
        v.deviceId = device;
        v.siteId = site;
        v.startMs = at(from);
        v.endMs = at(to);
        v.lang = lang;
        v.visitId = device + site + v.startMs;
        harness.processElement(new StreamRecord<>(v, v.endMs));
    }

    private List<Move> moves() {
        return harness.extractOutputValues();
    }

    @Test
    void isAFlinkPojo() {
        PojoTestUtils.assertSerializedAsPojo(Move.class);
    }

    @Test
    void pairsConsecutiveVisitsAtDifferentSitesAtMostSixHoursApart() throws Exception {
        visit("d1", "sendai-station", "03T08:50", "03T09:40", "unknown");
        visit("d1", "matsushima", "03T10:30", "03T12:00", "zh-Hant");
        visit("d1", "matsushima", "03T12:40", "03T13:00", "zh-Hant"); // same site: no trip
        visit("d1", "zuiganji", "03T19:00", "03T19:30", "zh-Hant"); // exactly 6 h after: a trip
        visit("d1", "sendai-station", "04T01:31", "04T02:00", "zh-Hant"); // 6 h 1 min: none
        visit("d2", "matsushima", "03T10:00", "03T10:20", "ko"); // another device: its own history
        assertThat(moves()).extracting(m -> m.originSiteId + ">" + m.destinationSiteId + ":" + m.lang)
                .containsExactly("sendai-station>matsushima:zh-Hant", "matsushima>zuiganji:zh-Hant");
        Move first = moves().get(0);
        assertThat(first.travelSeconds()).isEqualTo(50 * 60);
        assertThat(first.day).isEqualTo((int) java.time.LocalDate.of(2026, 11, 3).toEpochDay());
        assertThat(first.moveId).isEqualTo("d1:" + at("03T08:50") + ":" + at("03T10:30"));
    }

    @Test
    void forgetsADeviceAfterItsRetentionAndClearsItsTimer() throws Exception {
        visit("d1", "sendai-station", "03T08:50", "03T09:40", "unknown");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at("05T09:40"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        visit("d1", "matsushima", "05T10:00", "05T10:30", "unknown"); // no memory of the station visit
        assertThat(moves()).isEmpty();
    }
}
