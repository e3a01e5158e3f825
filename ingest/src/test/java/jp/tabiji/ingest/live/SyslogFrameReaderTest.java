package jp.tabiji.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFrameReaderTest {
    private static List<String> frames(InputStream in, int max) throws IOException {
        SyslogFrameReader r = new SyslogFrameReader(in, max);
        List<String> out = new ArrayList<>();
        for (SyslogFrameReader.Frame f = r.next(); f != null; f = r.next()) {
            out.add(new String(f.bytes(), StandardCharsets.UTF_8) + (f.overLength() ? "|CUT" : ""));
        }
        return out;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBothFramingsOnOneConnection() throws IOException {
        assertThat(frames(text("10 <13>1 a\nbc<13>1 d e\n\n<13>1 f\0" + "5 <13>g"), 100))
                .containsExactly("<13>1 a\nbc", "<13>1 d e", "<13>1 f", "<13>g");
    }

    @Test
    void anOctetCountBeyondTheLimitIsCutAndTheStreamStaysInStep() throws IOException {
        assertThat(frames(text("12 <13>abcdefgh10 <13>1 xyz!"), 10)).containsExactly("<13>abcdef|CUT", "<13>1 xyz!");
    }

    @Test
    void aHugeDeclaredLengthDoesNotAllocateIt() throws IOException {
        InputStream endless = new SequenceInputStream(text("2000000000 "), new InputStream() {
            private int left = 1 << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        });
        List<String> out = frames(endless, 1024);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).hasSize(1024 + "|CUT".length());
    }

    @Test
    void aNewlineFramedMessageStartingWithDigitsIsNotMistakenForALength() throws IOException {
        assertThat(frames(text("2055: Mar 24 10:18:33.637: %SYS-5-CONFIG_I: x\n"), 100))
                .containsExactly("2055: Mar 24 10:18:33.637: %SYS-5-CONFIG_I: x");
    }
}
