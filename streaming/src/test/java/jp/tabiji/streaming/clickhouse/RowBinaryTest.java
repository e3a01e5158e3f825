package jp.tabiji.streaming.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RowBinaryTest {
    @Test
    void stringsAreLeb128LengthThenUtf8() {
        byte[] kanji = "松島".getBytes(StandardCharsets.UTF_8);
        byte[] out = new RowBinary().string("ab").string("松島").string(null).toByteArray();
        assertThat(out).containsExactly(2, 'a', 'b', kanji.length, kanji[0], kanji[1], kanji[2], kanji[3], kanji[4],
                kanji[5], 0);
    }

    @Test
    void longLengthsUseSeveralLengthBytesAndTheBufferGrows() {
        String s = "x".repeat(300);
        RowBinary row = new RowBinary();
        for (int i = 0; i < 300; i++) {
            row.string(s); // 90,600 bytes: past the first buffer
        }
        byte[] out = row.toByteArray();
        assertThat(out).hasSize(300 * 302);
        assertThat(out[0] & 0xFF).isEqualTo(0x80 | (300 & 0x7F));
        assertThat(out[1]).isEqualTo((byte) (300 >>> 7));
        assertThat(out[out.length - 1]).isEqualTo((byte) 'x');
        row.reset();
        assertThat(row.size()).isZero();
    }

    @Test
    void numbersAreLittleEndianOfTheirWidth() {
        byte[] out = new RowBinary().uint8(255).date(0x1234).uint32(0x01020304L).uint64(0x0102030405060708L)
                .toByteArray();
        assertThat(out).containsExactly(0xFF - 256, 0x34, 0x12, 4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1);
    }
}
