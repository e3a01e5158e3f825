package jp.tabiji.streaming.health;

import java.time.ZoneId;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.health.ApHealthMonitor.SilenceClock;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Hotspot health (issue 6) over the decoded events: per-AP minute rows and alerts, to ClickHouse, the
 * {@code tabiji.alerts} topic and, when configured, a webhook. It shares the visit job's source and decoding.
 */
public final class HotspotHealthJob {
    /**
     * Where results go.
     *
     * @param webhook null when no webhook is configured
     */
    public record Sinks(Sink<ApMinute> minutes, Sink<HotspotAlert> alerts, Sink<byte[]> alertTopic,
                        Sink<HotspotAlert> webhook) {
    }

    private HotspotHealthJob() {
    }

    public static void defineWorkflow(DataStream<WifiEvent> events, HealthSettings settings, SilenceClock clock,
                                      ZoneId zone, Sinks sinks) {
        SingleOutputStreamOperator<ApMinute> minutes = events
                .keyBy(e -> e.apId, Types.STRING)
                .process(new ApHealthMonitor(settings, clock, zone)).uid("ap-health").name("AP health");
        minutes.sinkTo(sinks.minutes()).uid("ap-minute-sink").name("AP minutes → ClickHouse");
        DataStream<HotspotAlert> alerts = minutes.getSideOutput(ApHealthMonitor.ALERTS);
        alerts.sinkTo(sinks.alerts()).uid("alerts-sink").name("alerts → ClickHouse");
        alerts.map(new AlertJson.Encode()).returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .uid("encode-alerts").name("alerts → JSON")
                .sinkTo(sinks.alertTopic()).uid("alert-topic-sink").name("alerts → tabiji.alerts");
        if (sinks.webhook() != null) {
            alerts.sinkTo(sinks.webhook()).uid("alert-webhook-sink").name("alerts → webhook");
        }
    }
}
