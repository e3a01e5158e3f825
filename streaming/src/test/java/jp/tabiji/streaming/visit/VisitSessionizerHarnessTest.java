package jp.tabiji.streaming.visit;

import static jp.tabiji.ingest.event.EventType.CONNECT;
import static jp.tabiji.ingest.event.EventType.DISCONNECT;
import static jp.tabiji.streaming.visit.Events.at;
import static jp.tabiji.streaming.visit.Events.ev;
import static jp.tabiji.streaming.visit.Events.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.tabiji.ingest.event.WifiEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisitSessionizerHarnessTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private KeyedOneInputStreamOperatorTestHarness<String, WifiEvent, Visit> harness;

    @BeforeEach
    void setUp() throws Exception {
        VisitSessionizer fn = new VisitSessionizer(TOKYO, Duration.ofMinutes(30), Duration.ofMinutes(30),
                Duration.ofHours(12), Duration.ofDays(2));
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(fn), e -> e.deviceId,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void send(WifiEvent... events) throws Exception {
        for (WifiEvent e : events) {
            harness.processElement(new StreamRecord<>(e, e.ts));
        }
    }

    private List<Visit> visits() {
        return harness.extractOutputValues();
    }

    private List<SiteDayVisitor> siteDays() {
        return harness.getSideOutput(VisitSessionizer.SITE_DAY_VISITORS).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void eventTypesAreFlinkPojos() {
        PojoTestUtils.assertSerializedAsPojo(WifiEvent.class);
        PojoTestUtils.assertSerializedAsPojo(Visit.class);
        PojoTestUtils.assertSerializedAsPojo(SiteDayVisitor.class);
        PojoTestUtils.assertSerializedAsPojo(SiteHourVisitor.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DeviceTrack.class);
    }

    @Test
    void outOfOrderEventsGiveTheVisitsSortedInputGives() throws Exception {
        send(ev("10:40", "a2", "matsushima", CONNECT), ev("10:00", "a1", "matsushima", CONNECT),
                login("10:02", "a1", "matsushima", "zh-Hant"), ev("10:41", "a1", "matsushima", DISCONNECT),
                ev("11:20", "a2", "matsushima", DISCONNECT));
        harness.processWatermark(at("11:49"));
        assertThat(visits()).isEmpty(); // a same-site event before 11:50 could still join
        harness.processWatermark(at("11:50"));
        assertThat(visits()).singleElement().satisfies(v -> {
            assertThat(v.siteId).isEqualTo("matsushima");
            assertThat(v.startMs).isEqualTo(at("10:00"));
            assertThat(v.endMs).isEqualTo(at("11:20"));
            assertThat(v.events).isEqualTo(5);
            assertThat(v.lang).isEqualTo("zh-Hant");
            assertThat(v.startDay).isEqualTo((int) LocalDate.of(2026, 11, 3).toEpochDay());
            assertThat(v.visitId).isEqualTo(VisitOutput.visitId(Events.DEVICE, "matsushima", at("10:00")));
        });
        assertThat(siteDays()).singleElement().satisfies(s -> assertThat(s.lastEventMs).isEqualTo(at("11:20")));
    }

    @Test
    void anEventAtAnotherSiteEndsTheVisitAndUnknownApsEndNothing() throws Exception {
        send(ev("09:00", "a1", "sendai-station", CONNECT), ev("09:10", "lobby", null, CONNECT),
                ev("09:20", "z1", "zuihoden", CONNECT), ev("09:50", "z1", "zuihoden", DISCONNECT));
        harness.processWatermark(at("12:00"));
        assertThat(visits()).hasSize(2);
        assertThat(visits().get(0).endMs).isEqualTo(at("09:20"));
        assertThat(visits().get(0).events).isEqualTo(1);
        assertThat(visits().get(0).lang).isEqualTo(Visit.UNKNOWN_LANG);
    }

    @Test
    void aVisitTakesTheLanguageAtItsEndAndLaterLanguagesDoNotLeakBack() throws Exception {
        send(ev("09:00", "a1", "sendai-station", CONNECT), ev("09:30", "a1", "sendai-station", DISCONNECT),
                login("10:10", "z1", "zuihoden", "ko"));
        harness.processWatermark(at("13:00"));
        assertThat(visits()).hasSize(1); // the login opened a connection whose close may still come
        harness.processWatermark(at("22:10"));
        assertThat(visits()).extracting(v -> v.lang).containsExactly(Visit.UNKNOWN_LANG, "ko");
    }

    @Test
    void lateEventsGoToTheSideOutput() throws Exception {
        harness.processWatermark(at("10:00"));
        send(ev("09:59", "a1", "sendai-station", CONNECT));
        assertThat(harness.getSideOutput(VisitSessionizer.LATE)).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void stateAndTimersAreClearedOnceTheDeviceIsIdle() throws Exception {
        send(ev("09:00", "a1", "sendai-station", CONNECT), login("09:01", "a1", "sendai-station", "en"),
                ev("09:30", "a1", "sendai-station", DISCONNECT));
        harness.processWatermark(at("10:00"));
        assertThat(visits()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isPositive(); // the language is remembered for a while
        harness.processWatermark(at("09:30") + Duration.ofDays(2).toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
