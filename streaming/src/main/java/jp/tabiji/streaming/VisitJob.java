package jp.tabiji.streaming;

import java.time.Duration;
import java.time.ZoneId;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.streaming.move.Move;
import jp.tabiji.streaming.move.MoveDetector;
import jp.tabiji.streaming.visit.EventDecoder;
import jp.tabiji.streaming.visit.SiteDayVisitor;
import jp.tabiji.streaming.visit.SiteHourVisitor;
import jp.tabiji.streaming.visit.Visit;
import jp.tabiji.streaming.visit.VisitSessionizer;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Events → visits, site-day and site-hour visitors, moves, and the Parquet archive of every accepted event.
 * {@link #defineWorkflow} is the whole topology; callers (the replay, the live job, tests) supply the event
 * stream, already carrying event-time timestamps and watermarks, and the sinks.
 */
public final class VisitJob {
    /** Where results go. */
    public record Sinks(Sink<Visit> visits, Sink<SiteDayVisitor> siteDayVisitors,
                        Sink<SiteHourVisitor> siteHourVisitors, Sink<Move> moves, Sink<WifiEvent> archive,
                        Sink<byte[]> deadLetters, Sink<byte[]> lateEvents) {
    }

    private VisitJob() {
    }

    /** @return the decoded events, for the topologies that share them (hotspot health) */
    public static DataStream<WifiEvent> defineWorkflow(StreamExecutionEnvironment env, DataStream<byte[]> events,
                                                       ZoneId zone, Sinks sinks) {
        // Every function here emits new objects and keeps none it was given beyond the call (state holds its
        // own), so chained operators may pass records without the defensive copy Flink makes otherwise.
        env.getConfig().enableObjectReuse();
        SingleOutputStreamOperator<WifiEvent> decoded = events
                .process(new EventDecoder()).uid("decode-events").name("decode events");
        decoded.getSideOutput(EventDecoder.DEAD_LETTERS).sinkTo(sinks.deadLetters()).uid("dlq-sink").name("DLQ");
        decoded.sinkTo(sinks.archive()).uid("archive-sink").name("Parquet archive");

        SingleOutputStreamOperator<Visit> visits = decoded
                .keyBy(e -> e.deviceId, Types.STRING)
                .process(VisitSessionizer.withDefaults(zone)).uid("visit-sessionizer").name("sessionize visits");
        visits.sinkTo(sinks.visits()).uid("visits-sink").name("visits → ClickHouse");
        visits.keyBy(v -> v.deviceId, Types.STRING)
                .process(MoveDetector.withDefaults(zone)).uid("move-detector").name("detect moves")
                .sinkTo(sinks.moves()).uid("moves-sink").name("moves → ClickHouse");
        visits.getSideOutput(VisitSessionizer.SITE_DAY_VISITORS).sinkTo(sinks.siteDayVisitors())
                .uid("site-day-visitors-sink").name("site-day visitors → ClickHouse");
        visits.getSideOutput(VisitSessionizer.SITE_HOUR_VISITORS).sinkTo(sinks.siteHourVisitors())
                .uid("site-hour-visitors-sink").name("site-hour visitors → ClickHouse");
        visits.getSideOutput(VisitSessionizer.LATE).map(new EncodeEvent()).returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .uid("encode-late").sinkTo(sinks.lateEvents()).uid("late-sink").name("late events");
        return decoded;
    }

    /** Events later than the watermark bound are kept, re-encoded, on {@code tabiji.late}. */
    static final class EncodeEvent implements MapFunction<WifiEvent, byte[]> {
        private transient WifiEventCodec codec;

        @Override
        public byte[] map(WifiEvent e) {
            if (codec == null) {
                codec = new WifiEventCodec();
            }
            return codec.encode(e);
        }
    }

    /** Default bound on out-of-order events (issue 4: configurable, 2 minutes). */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMinutes(2);
}
