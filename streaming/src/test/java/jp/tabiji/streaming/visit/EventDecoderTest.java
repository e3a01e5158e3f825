package jp.tabiji.streaming.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
    private final EventDecoder decoder = new EventDecoder();
    private final List<byte[]> deadLetters = new ArrayList<>();
    private final EventDecoder.Context context = decoder.new Context() {
        @Override
        public Long timestamp() {
            return null;
        }

        @Override
        public TimerService timerService() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            assertThat(tag).isEqualTo(EventDecoder.DEAD_LETTERS);
            deadLetters.add((byte[]) value);
        }
    };

    @Test
    void anUnreadableRecordGoesToTheDeadLettersWithItsReason() {
        List<WifiEvent> out = new ArrayList<>();
        decoder.processElement("{not json".getBytes(StandardCharsets.UTF_8), context, collector(out::add));
        assertThat(out).isEmpty();
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(deadLetters.get(0), StandardCharsets.UTF_8)).contains("undecodable event")
                .contains("{not json");
    }

    @Test
    void aFailureDownstreamFailsTheTaskAndSendsNoGoodEventToTheDeadLetters() {
        byte[] good = new WifiEventCodec().encode(Events.ev("10:00", "ap-1", "site-1", EventType.CONNECT));
        IOException full = new IOException("No space left on device");
        // a chained sink's failure reaches the decoder as an unchecked exception from collect
        assertThatThrownBy(() -> decoder.processElement(good, context, collector(e -> {
            throw new UncheckedIOException(full);
        }))).hasCause(full);
        assertThat(deadLetters).isEmpty();
    }

    private static Collector<WifiEvent> collector(java.util.function.Consumer<WifiEvent> each) {
        return new Collector<>() {
            @Override
            public void collect(WifiEvent record) {
                each.accept(record);
            }

            @Override
            public void close() {
            }
        };
    }
}
