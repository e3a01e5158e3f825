package jp.tabiji.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    @Test
    void reportsTheOffsetAfterEachCompleteLineAcrossChunks() {
        LineSplitter s = new LineSplitter(100, 1000);
        List<LineSplitter.Line> out = new ArrayList<>();
        byte[] a = "ab\r\ncd".getBytes(StandardCharsets.UTF_8);
        byte[] b = "e\nf".getBytes(StandardCharsets.UTF_8);
        s.feed(a, 0, a.length, out::add);
        assertThat(s.offset()).isEqualTo(1004);
        s.feed(b, 0, b.length, out::add);
        assertThat(out).extracting(LineSplitter.Line::text).containsExactly("ab", "cde");
        assertThat(out).extracting(LineSplitter.Line::endOffset).containsExactly(1004L, 1008L);
        assertThat(s.offset()).as("the partial 'f' is not consumed").isEqualTo(1008);
        assertThat(s.hasPartial()).isTrue();
        LineSplitter.Line last = s.flushPartial();
        assertThat(last.text()).isEqualTo("f");
        assertThat(last.endOffset()).isEqualTo(1009);
    }

    @Test
    void overLongLinesAreCutButCounted() {
        LineSplitter s = new LineSplitter(4, 0);
        List<LineSplitter.Line> out = new ArrayList<>();
        byte[] a = "abcdefgh\nij\n".getBytes(StandardCharsets.UTF_8);
        s.feed(a, 0, a.length, out::add);
        assertThat(out).extracting(LineSplitter.Line::text).containsExactly("abcd", "ij");
        assertThat(out).extracting(LineSplitter.Line::overLength).containsExactly(true, false);
        assertThat(out.get(1).endOffset()).isEqualTo(12);
    }
}
