package jp.tabiji.streaming.visit;

import static jp.tabiji.ingest.event.EventType.CONNECT;
import static jp.tabiji.ingest.event.EventType.DISCONNECT;
import static jp.tabiji.ingest.event.EventType.LOGIN;
import static jp.tabiji.ingest.event.EventType.LOGIN_FAILED;
import static jp.tabiji.streaming.visit.Events.at;
import static jp.tabiji.streaming.visit.Events.ev;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VisitAssemblerTest {
    private static final long MIN = 60_000;
    private final VisitAssembler assembler = new VisitAssembler(30 * MIN, 30 * MIN);

    @Test
    void aLoggedCloseKeepsTheDevicePresentHoweverLong() {
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT),
                ev("13:00", "a1", "s", DISCONNECT)), Long.MAX_VALUE);
        assertThat(v).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(at("10:00"));
            assertThat(s.end()).isEqualTo(at("13:00"));
            assertThat(s.events()).hasSize(2);
        });
    }

    @Test
    void roamingBetweenApsOfOneSiteIsOneVisit() {
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT),
                ev("10:40", "a2", "s", CONNECT), ev("10:40", "a1", "s", DISCONNECT),
                ev("11:20", "a2", "s", DISCONNECT)), Long.MAX_VALUE);
        assertThat(v).singleElement().satisfies(s -> assertThat(s.end()).isEqualTo(at("11:20")));
    }

    @Test
    void gapsUnderThirtyMinutesJoinAndThirtyOrMoreSplit() {
        assertThat(assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT), ev("10:10", "a1", "s", DISCONNECT),
                ev("10:39", "a1", "s", CONNECT), ev("10:50", "a1", "s", DISCONNECT)), Long.MAX_VALUE)).hasSize(1);
        assertThat(assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT), ev("10:10", "a1", "s", DISCONNECT),
                ev("10:40", "a1", "s", CONNECT), ev("10:50", "a1", "s", DISCONNECT)), Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void anUnclosedConnectionEndsThirtyMinutesAfterItsLastEvent() {
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT),
                ev("11:30", "a2", "s", CONNECT), ev("11:40", "a2", "s", DISCONNECT)), Long.MAX_VALUE);
        assertThat(v).hasSize(2);
        assertThat(v.get(0).end()).isEqualTo(at("10:30"));
        assertThat(v.get(1).start()).isEqualTo(at("11:30"));
    }

    @Test
    void aReassociationEndsTheUnclosedConnectionBeforeIt() {
        // a connection never closed in the evening, the same AP associating again next morning: two visits,
        // however long the job waited for the close
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT),
                ev("10:05", "a1", "s", LOGIN), ev("20:00", "a1", "s", CONNECT), ev("20:30", "a1", "s", DISCONNECT)),
                Long.MAX_VALUE);
        assertThat(v).hasSize(2);
        assertThat(v.get(0).end()).isEqualTo(at("10:35"));
        assertThat(v.get(1).start()).isEqualTo(at("20:00"));
        // a re-association within the half hour stays one visit
        assertThat(assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT), ev("10:20", "a1", "s", CONNECT),
                ev("10:25", "a1", "s", DISCONNECT)), Long.MAX_VALUE)).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(at("10:25")));
    }

    @Test
    void anEventAtAnotherSiteCutsTheVisitAtOnce() {
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", CONNECT)), at("10:12"));
        assertThat(v).singleElement().satisfies(s -> assertThat(s.end()).isEqualTo(at("10:12")));
    }

    @Test
    void loneClosesAndFailedLoginsAreVisitsOfAnInstant() {
        List<VisitAssembler.Span> v = assembler.assemble(List.of(ev("10:00", "a1", "s", DISCONNECT),
                ev("12:00", "a1", "s", LOGIN_FAILED)), Long.MAX_VALUE);
        assertThat(v).hasSize(2).allSatisfy(s -> assertThat(s.end()).isEqualTo(s.start()));
    }

    @Test
    void aStayIsClosableOnceNoLaterEventCouldJoinIt() {
        assertThat(assembler.closableAt(List.of(ev("10:00", "a1", "s", CONNECT), ev("10:20", "a1", "s", DISCONNECT)),
                12 * 60 * MIN)).isEqualTo(at("10:50"));
        assertThat(assembler.closableAt(List.of(ev("10:00", "a1", "s", CONNECT)), 12 * 60 * MIN))
                .isEqualTo(at("22:00"));
    }
}
