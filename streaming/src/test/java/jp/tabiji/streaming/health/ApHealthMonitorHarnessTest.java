package jp.tabiji.streaming.health;

import static jp.tabiji.ingest.event.EventType.ACCT_INTERIM;
import static jp.tabiji.ingest.event.EventType.ACCT_START;
import static jp.tabiji.ingest.event.EventType.CONNECT;
import static jp.tabiji.ingest.event.EventType.DISCONNECT;
import static jp.tabiji.ingest.event.EventType.LOGIN;
import static jp.tabiji.ingest.event.EventType.LOGIN_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.health.ApHealthMonitor.SilenceClock;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApHealthMonitorHarnessTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final HealthSettings SETTINGS = new HealthSettings(Duration.ofMinutes(15), 4, 7,
            Duration.ofMinutes(5), Duration.ofMinutes(10), 20, 0.3, Duration.ofMinutes(30), Map.of("ap1", 3), null);
    private KeyedOneInputStreamOperatorTestHarness<String, WifiEvent, ApMinute> harness;

    private void start(SilenceClock clock) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ApHealthMonitor(SETTINGS, clock, TOKYO)), e -> e.apId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** Tokyo local time on day {@code day} after 2026-11-02, "HH:mm:ss". */
    private static long at(int day, String time) {
        return java.time.LocalDate.of(2026, 11, 2).plusDays(day).atTime(java.time.LocalTime.parse(time)).atZone(TOKYO)
                .toInstant().toEpochMilli();
    }

    /** The last millisecond of the minute "HH:mm" on day {@code day}: when that minute is accounted for. */
    private static long endOf(int day, String hhmm) {
        return at(day, hhmm + ":00") + 59_999L;
    }

    private static WifiEvent ev(long ts, String ap, String device, EventType type) {
        return new WifiEvent(ts, ap, ap.startsWith("rogue") ? null : "matsushima", device, true, type, null, "test");
    }

    private void send(WifiEvent... events) throws Exception {
        for (WifiEvent e : events) {
            harness.processElement(new StreamRecord<>(e, e.ts));
        }
    }

    private List<HotspotAlert> alerts() {
        return harness.getSideOutput(ApHealthMonitor.ALERTS) == null ? List.of()
                : harness.getSideOutput(ApHealthMonitor.ALERTS).stream().map(StreamRecord::getValue).toList();
    }

    /** Events every 5 minutes from 09:00 to 16:55 on each of {@code days} days: hours 9–16 become usual. */
    private void workingDays(String ap, int days) throws Exception {
        for (int d = 0; d < days; d++) {
            for (int m = 9 * 60; m < 17 * 60; m += 5) {
                send(ev(at(d, String.format("%02d:%02d:00", m / 60, m % 60)), ap, "dev" + (m % 7), CONNECT));
            }
            harness.processWatermark(at(d, "23:00:00"));
        }
    }

    @Test
    void stateTypesAreFlinkPojos() {
        PojoTestUtils.assertSerializedAsPojo(ApMinute.class);
        PojoTestUtils.assertSerializedAsPojo(HotspotAlert.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ApTrack.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PresentClient.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PendingMinute.class);
    }

    @Test
    void minuteRowsCountEventsClientsNewConnectionsLoginsAndTraffic() throws Exception {
        start(SilenceClock.EVENT_TIME);
        // out of order within the watermark bound: the result is that of sorted input
        send(ev(at(0, "10:01:05"), "ap2", "a", DISCONNECT), ev(at(0, "10:00:10"), "ap2", "a", CONNECT),
                ev(at(0, "10:00:20"), "ap2", "b", CONNECT), ev(at(0, "10:00:30"), "ap2", "c", ACCT_START),
                ev(at(0, "10:00:40"), "ap2", "b", LOGIN_FAILED), ev(at(0, "10:00:50"), "ap2", "b", LOGIN));
        WifiEvent interim = ev(at(0, "10:01:30"), "ap2", "c", ACCT_INTERIM);
        interim.bytesIn = 5_000L;
        interim.bytesOut = 700L;
        WifiEvent interim2 = ev(at(0, "10:02:30"), "ap2", "c", ACCT_INTERIM);
        interim2.bytesIn = 8_000L;
        interim2.bytesOut = 700L;
        send(interim, interim2);
        harness.processWatermark(endOf(0, "10:01"));
        List<ApMinute> rows = harness.extractOutputValues();
        assertThat(rows).hasSize(2);
        ApMinute first = rows.get(0);
        assertThat(first.minuteMs).isEqualTo(at(0, "10:00:00"));
        assertThat(first.events).isEqualTo(5);
        assertThat(first.clientsNow).isEqualTo(3);
        assertThat(first.newConnections).isEqualTo(3);
        assertThat(first.loginAttempts).isEqualTo(2);
        assertThat(first.loginFailures).isEqualTo(1);
        assertThat(first.lastEventMs).isEqualTo(at(0, "10:00:50"));
        ApMinute second = rows.get(1);
        assertThat(second.clientsNow).isEqualTo(2);
        assertThat(second.newConnections).isZero();
        assertThat(second.bytesIn).isEqualTo(5_000L);
        harness.processWatermark(endOf(0, "10:02"));
        assertThat(harness.extractOutputValues().get(2).bytesIn).isEqualTo(3_000L); // growth, not the total
        // nobody closes: 30 minutes after their last events the clients are gone and the minutes stop
        harness.processWatermark(at(0, "11:10:00"));
        ApMinute last = harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(last.clientsNow).isEqualTo(1);
        assertThat(last.minuteMs).isEqualTo(at(0, "10:31:00")); // c's last event was 10:02:30
        assertThat(alerts()).isEmpty();
    }

    @Test
    void silenceInUsualHoursOpensAndEventsClearIt() throws Exception {
        start(SilenceClock.EVENT_TIME);
        workingDays("ap2", 5);
        for (int m = 0; m <= 120; m += 5) {
            send(ev(at(5, "09:00:00") + m * 60_000L, "ap2", "x", CONNECT));
        }
        harness.processWatermark(at(5, "11:14:59"));
        assertThat(alerts()).isEmpty();
        harness.processWatermark(at(5, "11:15:00"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.SILENT);
            assertThat(a.isOpen()).isTrue();
            assertThat(a.ts).isEqualTo(at(5, "11:15:00"));
            assertThat(a.siteId).isEqualTo("matsushima");
        });
        send(ev(at(5, "12:00:30"), "ap2", "y", CONNECT));
        harness.processWatermark(endOf(5, "12:00"));
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(alerts().get(1).ts).isEqualTo(at(5, "12:00:30"));
        assertThat(alerts().get(1).alertId).isEqualTo(alerts().get(0).alertId);
    }

    @Test
    void aQuietNightIsNotSilenceButMinutesInUsualHoursAddUp() throws Exception {
        start(SilenceClock.EVENT_TIME);
        workingDays("ap2", 6);
        // day 5 ended at 16:55: 5 usual minutes to 17:00, the night is not usual, 10 more from 09:00
        harness.processWatermark(at(6, "09:09:59"));
        assertThat(alerts()).isEmpty();
        harness.processWatermark(at(6, "09:10:00"));
        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.kind).isEqualTo(AlertKind.SILENT));
    }

    @Test
    void anApWithoutUsualHoursIsNeverSilentAndTheEndOfInputIsNotSilence() throws Exception {
        start(SilenceClock.EVENT_TIME);
        workingDays("ap2", 3); // three days are not enough to make an hour usual
        harness.processWatermark(at(4, "12:00:00"));
        assertThat(alerts()).isEmpty();
        workingDays("ap3", 5);
        send(ev(at(5, "10:00:00"), "ap3", "x", CONNECT));
        harness.processWatermark(Long.MAX_VALUE); // a bounded replay ends: no silence follows from that
        assertThat(alerts()).isEmpty();
    }

    @Test
    void overloadOpensAfterFiveMinutesOverCapacityAndClearsBelowIt() throws Exception {
        start(SilenceClock.EVENT_TIME);
        send(ev(at(0, "10:00:30"), "ap1", "a", CONNECT), ev(at(0, "10:00:31"), "ap1", "b", CONNECT),
                ev(at(0, "10:00:32"), "ap1", "c", CONNECT), ev(at(0, "10:00:33"), "ap1", "d", CONNECT));
        harness.processWatermark(endOf(0, "10:05") - 1);
        assertThat(alerts()).isEmpty();
        harness.processWatermark(endOf(0, "10:05"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.OVERLOADED);
            assertThat(a.value).isEqualTo(4);
            assertThat(a.threshold).isEqualTo(3);
            assertThat(a.alertId).isEqualTo("overloaded:ap1:" + at(0, "10:00:59.999"));
        });
        send(ev(at(0, "10:07:10"), "ap1", "a", DISCONNECT));
        harness.processWatermark(at(0, "10:08:00"));
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(alerts().get(1).ts).isEqualTo(at(0, "10:07:59.999"));
    }

    @Test
    void anOpenAlertIsSentAgainAsItsPeakRisesAndItsClearingCarriesTheFinalPeak() throws Exception {
        start(SilenceClock.EVENT_TIME);
        send(ev(at(0, "10:00:30"), "ap1", "a", CONNECT), ev(at(0, "10:00:31"), "ap1", "b", CONNECT),
                ev(at(0, "10:00:32"), "ap1", "c", CONNECT), ev(at(0, "10:00:33"), "ap1", "d", CONNECT));
        harness.processWatermark(endOf(0, "10:05"));
        send(ev(at(0, "10:06:10"), "ap1", "e", CONNECT), ev(at(0, "10:06:20"), "ap1", "f", CONNECT));
        send(ev(at(0, "10:07:10"), "ap1", "a", DISCONNECT));
        harness.processWatermark(endOf(0, "10:07"));
        // opened at 4 clients; 6 at 10:06 is a new peak (revision 1); 5 at 10:07 is none
        assertThat(alerts()).hasSize(2);
        HotspotAlert opened = alerts().get(0);
        HotspotAlert peak = alerts().get(1);
        assertThat(opened.revision).isZero();
        assertThat(opened.peakValue).isEqualTo(4);
        assertThat(peak.state).isEqualTo(HotspotAlert.OPEN);
        assertThat(peak.alertId).isEqualTo(opened.alertId);
        assertThat(peak.revision).isEqualTo(1);
        assertThat(peak.peakValue).isEqualTo(6);
        assertThat(peak.peakAt).isEqualTo(endOf(0, "10:06"));
        assertThat(peak.openedAt).isEqualTo(opened.openedAt);
        assertThat(peak.ts).isEqualTo(opened.ts);
        send(ev(at(0, "10:08:10"), "ap1", "b", DISCONNECT), ev(at(0, "10:08:20"), "ap1", "c", DISCONNECT));
        harness.processWatermark(endOf(0, "10:08"));
        assertThat(alerts()).hasSize(3);
        HotspotAlert cleared = alerts().get(2);
        assertThat(cleared.state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(cleared.value).isEqualTo(3); // the clients at the clearing ...
        assertThat(cleared.peakValue).isEqualTo(6); // ... and the peak the page shows
        assertThat(cleared.peakAt).isEqualTo(endOf(0, "10:06"));
        assertThat(cleared.revision).isEqualTo(1);
        assertThat(AlertJson.encode(cleared)).asString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"schema\":2", "\"value\":3.0", "\"peak_value\":6.0", "\"revision\":1");
    }

    @Test
    void aLoginSpikeKeepsItsWorstShareWithTheWindowsAttemptsAndFailures() throws Exception {
        start(SilenceClock.EVENT_TIME);
        for (int i = 0; i < 20; i++) { // 20 attempts from 10:00, 6 failed: 30%, the threshold
            send(ev(at(0, "10:00:00") + i * 12_000L, "ap2", "d" + i, i % 3 == 0 && i < 18 ? LOGIN_FAILED : LOGIN));
        }
        harness.processWatermark(endOf(0, "10:03"));
        for (int i = 0; i < 10; i++) { // then 10 more at 10:05, all failed: 16 of 30
            send(ev(at(0, "10:05:00") + i * 1000L, "ap2", "x" + i, LOGIN_FAILED));
        }
        harness.processWatermark(endOf(0, "10:05"));
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(0).peakAttempts).isEqualTo(20);
        assertThat(alerts().get(0).peakFailures).isEqualTo(6);
        HotspotAlert worse = alerts().get(1);
        assertThat(worse.revision).isEqualTo(1);
        assertThat(worse.peakValue).isEqualTo(16.0 / 30);
        assertThat(worse.peakAttempts).isEqualTo(30);
        assertThat(worse.peakFailures).isEqualTo(16);
        // as the window slides, older successes leave: 14 of 25 at 10:10, 12 of 20 at 10:11 (the worst), then 11 of
        // 15 at 10:12, too few attempts: the spike clears with 12 of 20 as its peak
        harness.processWatermark(endOf(0, "10:20"));
        assertThat(alerts()).extracting(a -> a.revision).containsExactly(0, 1, 2, 3, 3);
        HotspotAlert cleared = alerts().get(4);
        assertThat(cleared.state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(cleared.ts).isEqualTo(endOf(0, "10:12"));
        assertThat(cleared.peakValue).isEqualTo(12.0 / 20);
        assertThat(cleared.peakAttempts).isEqualTo(20);
        assertThat(cleared.peakFailures).isEqualTo(12);
        assertThat(cleared.peakAt).isEqualTo(endOf(0, "10:11"));
    }

    @Test
    void loginFailureSpikeNeedsEnoughAttemptsAndFailuresAndClearsWhenTheWindowMovesOn() throws Exception {
        start(SilenceClock.EVENT_TIME);
        for (int i = 0; i < 19; i++) { // 19 failures: too few attempts
            send(ev(at(0, "09:00:00") + i * 1000L, "ap2", "f" + i, LOGIN_FAILED));
        }
        harness.processWatermark(at(0, "09:30:00"));
        assertThat(alerts()).isEmpty();
        for (int i = 0; i < 20; i++) { // 20 attempts over 4 minutes, 6 failed: exactly 30%
            send(ev(at(0, "10:00:00") + i * 12_000L, "ap2", "d" + i, i % 3 == 0 && i < 18 ? LOGIN_FAILED : LOGIN));
        }
        harness.processWatermark(endOf(0, "10:03") - 1);
        assertThat(alerts()).isEmpty();
        harness.processWatermark(endOf(0, "10:03"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.LOGIN_FAILURE_SPIKE);
            assertThat(a.value).isEqualTo(0.3);
        });
        harness.processWatermark(endOf(0, "10:10") - 1);
        assertThat(alerts()).hasSize(1);
        harness.processWatermark(endOf(0, "10:10")); // the 10:00 minute's 5 attempts leave the window
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).ts).isEqualTo(endOf(0, "10:10"));
    }

    @Test
    void anUnknownApIsOneAlertWhileItKeepsAppearingAndClearsAfterADayOfQuiet() throws Exception {
        start(SilenceClock.EVENT_TIME);
        send(ev(at(0, "10:00:05"), "rogue-7", "a", CONNECT), ev(at(0, "10:03:00"), "rogue-7", "b", CONNECT));
        harness.processWatermark(at(0, "10:05:00"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.UNKNOWN_AP);
            assertThat(a.siteId).isNull();
            assertThat(a.ts).isEqualTo(at(0, "10:00:05"));
        });
        send(ev(at(0, "18:00:00"), "rogue-7", "c", CONNECT)); // back hours later: still the same alert
        harness.processWatermark(at(1, "17:59:59"));
        assertThat(alerts()).hasSize(1);
        harness.processWatermark(at(1, "18:00:00"));
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(alerts().get(1).ts).isEqualTo(at(1, "18:00:00"));
        harness.processWatermark(at(31, "00:00:00")); // its hours are remembered for four weeks
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theLiveJobSeesSilenceByProcessingTimeWhenNothingArrivesAtAll() throws Exception {
        start(SilenceClock.PROCESSING_TIME);
        harness.setProcessingTime(at(5, "10:00:00"));
        workingDays("ap2", 5); // history arrives (its events are in event time), then the source goes idle
        harness.setProcessingTime(at(5, "10:14:59"));
        assertThat(alerts()).isEmpty();
        harness.setProcessingTime(at(5, "10:15:00")); // no watermark has moved: only the wall clock
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.SILENT);
            assertThat(a.ts).isEqualTo(at(5, "10:15:00"));
        });
        harness.setProcessingTime(at(5, "10:20:00"));
        send(ev(at(5, "10:19:00"), "ap2", "z", CONNECT)); // clears on arrival, before any watermark
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).state).isEqualTo(HotspotAlert.CLEAR);
        assertThat(alerts().get(1).ts).isEqualTo(at(5, "10:20:00"));
    }

    @Test
    void aRestartedLiveJobGivesEveryApTheSilenceTimeBeforeCallingItSilent() throws Exception {
        start(SilenceClock.PROCESSING_TIME);
        harness.setProcessingTime(at(5, "10:00:00"));
        workingDays("ap2", 5);
        OperatorSubtaskState snapshot = harness.snapshot(1L, at(5, "10:01:00"));
        harness.close();
        // down for an hour: the AP's events since then still wait in Kafka when the job comes back
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ApHealthMonitor(SETTINGS, SilenceClock.PROCESSING_TIME, TOKYO)), e -> e.apId, Types.STRING);
        harness.setProcessingTime(at(5, "11:00:00"));
        harness.initializeState(snapshot);
        harness.open();
        harness.setProcessingTime(at(5, "11:00:01")); // the old check comes due at once
        assertThat(alerts()).isEmpty();
        harness.setProcessingTime(at(5, "11:14:59"));
        assertThat(alerts()).isEmpty();
        harness.setProcessingTime(at(5, "11:15:01")); // still nothing 15 minutes after the restart: silent
        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.kind).isEqualTo(AlertKind.SILENT));
    }

    @Test
    void anApForgottenOnceNothingIsPresentOpenOrRemembered() throws Exception {
        start(SilenceClock.EVENT_TIME);
        send(ev(at(0, "10:00:00"), "ap2", "a", CONNECT), ev(at(0, "10:10:00"), "ap2", "a", DISCONNECT));
        harness.processWatermark(at(1, "10:00:00"));
        assertThat(harness.numKeyedStateEntries()).isPositive(); // its hours are remembered for four weeks
        harness.processWatermark(at(28, "00:00:00"));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(at(31, "00:00:00"));
        assertThat(alerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private void start(HealthSettings settings) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ApHealthMonitor(settings, SilenceClock.EVENT_TIME, TOKYO)), e -> e.apId, Types.STRING);
        harness.open();
    }

    /** Events every 5 minutes from 09:00 to 16:55 on the given days, at an AP of {@code site}. */
    private void openDays(String ap, String site, int... days) throws Exception {
        for (int d : days) {
            for (int m = 9 * 60; m < 17 * 60; m += 5) {
                send(new WifiEvent(at(d, String.format("%02d:%02d:00", m / 60, m % 60)), ap, site, "dev" + (m % 7), true,
                        CONNECT, null, "test"));
            }
        }
    }

    /** The registry closes ap2's site on Mondays, or on the next working day when Monday is a holiday. */
    private static final HealthSettings MUSEUM_CLOSED_ON_MONDAYS = SETTINGS.withRegistry(
            jp.tabiji.ingest.registry.ApRegistry.parse(List.of(
                    "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,closed",
                    "ap2,,matsushima,松島,Matsushima,M,38.37,141.06,mon+"), "registry"));

    private List<HotspotAlert> silences(String ap) {
        return alerts().stream().filter(a -> a.kind == AlertKind.SILENT && a.apId.equals(ap)).toList();
    }

    @Test
    void aSiteClosedOnMondaysIsNotSilentThenButASiteWithoutClosedDaysIs() throws Exception {
        start(MUSEUM_CLOSED_ON_MONDAYS);
        openDays("ap2", "matsushima", 1, 2, 3, 4, 5, 6); // Tuesday 11-03 to Sunday 11-08
        openDays("ap3", "sendai", 1, 2, 3, 4, 5, 6);
        harness.processWatermark(at(7, "23:59:00"));
        // Monday 11-09: the museum is closed, the other site is silent 10 usual minutes into the morning
        assertThat(silences("ap2")).isEmpty();
        assertThat(silences("ap3")).singleElement().satisfies(a -> assertThat(a.ts).isEqualTo(at(7, "09:10:00")));
        harness.processWatermark(at(8, "12:00:00"));
        assertThat(silences("ap2")).singleElement().satisfies(a -> assertThat(a.ts).isEqualTo(at(8, "09:10:00")));
    }

    @Test
    void onAHolidayMondayTheMuseumOpensAndClosesOnTuesdayInstead() throws Exception {
        start(MUSEUM_CLOSED_ON_MONDAYS);
        openDays("ap2", "matsushima", 15, 16, 17, 18, 19, 20); // Tuesday 11-17 to Sunday 11-22
        harness.processWatermark(at(21, "23:59:00"));
        // Monday 11-23 is 勤労感謝の日: open, so its silence counts
        assertThat(silences("ap2")).singleElement().satisfies(a -> assertThat(a.ts).isEqualTo(at(21, "09:10:00")));
        // the closed Tuesday after it has no usual hours: the alert stays one alert, opened on Monday
        harness.processWatermark(at(22, "23:59:00"));
        assertThat(alerts()).hasSize(1);
    }

    @Test
    void usualHoursArePerWeekdayOnceTheWeekdaysAreKnown() throws Exception {
        start(SilenceClock.EVENT_TIME);
        // four weeks, Tuesday to Sunday and on the holiday Monday 11-23: quiet on other Mondays, no closed days
        openDays("ap2", "matsushima", java.util.stream.IntStream.range(1, 28).filter(d -> d % 7 != 0 || d == 21)
                .toArray());
        harness.processWatermark(at(28, "23:59:00"));
        // the first Monday had no Monday before it: the days before made it usual (closed days in the registry
        // prevent that); from the second Monday on, Mondays are known to be quiet, and Monday 11-30 raises nothing
        assertThat(silences("ap2")).extracting(a -> a.ts).containsExactly(at(7, "09:10:00"), at(8, "09:00:00"));
        harness.processWatermark(at(29, "09:10:00")); // Tuesday: 5 minutes on Sunday evening, 10 this morning
        assertThat(silences("ap2")).extracting(a -> a.ts).containsExactly(at(7, "09:10:00"), at(8, "09:00:00"),
                at(29, "09:10:00"));
    }

    /** {@code n} failed logins spread over {@code minutes} from {@code from} ("HH:mm") on day {@code day}. */
    private void failures(String ap, int day, String from, int n, int minutes) throws Exception {
        for (int i = 0; i < n; i++) {
            send(ev(at(day, from + ":00") + i * (minutes * 60_000L / n), ap, "f" + i, LOGIN_FAILED));
        }
    }

    @Test
    void whereSuccessesAreNotLoggedFailuresAreComparedWithTheApsUsualRate() throws Exception {
        start(SilenceClock.EVENT_TIME);
        for (int d = 0; d < 3; d++) { // a controller logging failures only: 10 an hour on a quiet AP, 100 on a busy one
            for (int h = 9; h < 17; h++) {
                failures("ap2", d, String.format("%02d:00", h), 10, 60);
                failures("ap3", d, String.format("%02d:00", h), 100, 60);
            }
        }
        harness.processWatermark(at(3, "08:00:00"));
        assertThat(alerts()).as("the busy AP's daily failures are its usual, not a spike").isEmpty();
        failures("ap2", 3, "10:00", 25, 10); // 25 in 10 minutes where 1.7 are usual: a spike
        failures("ap3", 3, "10:00", 25, 10); // the busy AP's usual is 16.7 in 10 minutes: 3 × that is 50
        harness.processWatermark(at(3, "10:12:00"));
        assertThat(alerts()).extracting(a -> a.apId).containsOnly("ap2");
        assertThat(alerts().get(0).value).isEqualTo(20); // opened at the floor: the fewest failures that can be a spike
        assertThat(alerts().get(alerts().size() - 1)).satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.LOGIN_FAILURE_SPIKE);
            assertThat(a.basis).isEqualTo(LoginSpikeRule.RATE);
            assertThat(a.peakValue).isEqualTo(25);
            assertThat(a.threshold).isEqualTo(20);
            assertThat(a.peakAttempts).as("attempts are unknown here").isZero();
            assertThat(a.peakFailures).isEqualTo(25);
        });
        failures("ap3", 3, "11:00", 70, 10);
        harness.processWatermark(at(3, "11:12:00"));
        assertThat(alerts()).filteredOn(a -> a.apId.equals("ap3")).first().satisfies(a -> {
            assertThat(a.basis).isEqualTo(LoginSpikeRule.RATE);
            assertThat(a.threshold).isEqualTo(50);
            assertThat(a.value).isGreaterThanOrEqualTo(50);
        });
    }

    @Test
    void whereSuccessesAreLoggedTheShareOfFailedAttemptsDecides() throws Exception {
        start(SilenceClock.EVENT_TIME);
        send(ev(at(0, "09:00:00"), "ap2", "ok", LOGIN)); // a portal or RADIUS line said a login succeeded
        for (int i = 0; i < 30; i++) { // 30 attempts, 6 of them failed: 20%, under the 30% share
            send(ev(at(0, "10:00:00") + i * 10_000L, "ap2", "d" + i, i % 5 == 0 ? LOGIN_FAILED : LOGIN));
        }
        harness.processWatermark(at(0, "10:06:00"));
        assertThat(alerts()).isEmpty();
        for (int i = 0; i < 20; i++) { // 20 more, all failed: 26 of 50
            send(ev(at(0, "10:06:00") + i * 5_000L, "ap2", "x" + i, LOGIN_FAILED));
        }
        harness.processWatermark(at(0, "10:09:00"));
        assertThat(alerts()).first().satisfies(a -> {
            assertThat(a.basis).isEqualTo(LoginSpikeRule.SHARE);
            assertThat(a.peakAttempts).isPositive();
            assertThat(a.value).isBetween(0.3, 1.0);
        });
    }
}
