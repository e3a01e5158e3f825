package jp.tabiji.streaming.visit;

import java.nio.charset.StandardCharsets;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.ingest.publish.DeadLetter;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Decodes records of {@code tabiji.events}; one that cannot be read goes to {@link #DEAD_LETTERS}, never fails the job. */
public class EventDecoder extends ProcessFunction<byte[], WifiEvent> {
    public static final OutputTag<byte[]> DEAD_LETTERS =
            new OutputTag<>("undecodable-events", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private transient WifiEventCodec codec;

    @Override
    public void processElement(byte[] value, Context ctx, Collector<WifiEvent> out) {
        if (codec == null) {
            codec = new WifiEventCodec();
        }
        WifiEvent event;
        try {
            event = codec.decode(value);
        } catch (RuntimeException e) {
            String line = new String(value, StandardCharsets.UTF_8);
            ctx.output(DEAD_LETTERS, DeadLetter.of("undecodable event: " + e.getMessage(), "tabiji.events",
                    System.currentTimeMillis(), "tabiji.events", 0, line).toJson());
            return;
        }
        // outside the try: a failure of a chained operator downstream (a full archive disk, say) must fail the
        // task, not send a good event to the DLQ as undecodable
        out.collect(event);
    }
}
