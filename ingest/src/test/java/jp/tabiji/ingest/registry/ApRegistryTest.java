package jp.tabiji.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApRegistryTest {
    @Test
    void optionalColumnsAreFoundByTheirHeaderNameInAnyOrder() {
        ApRegistry r = ApRegistry.parse(List.of(
                "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,open_hours,site_kind,capacity",
                "akiu-ap01,,akiu,秋保温泉,Akiu Onsen,Sendai,38.2,140.7,,lodging,120",
                "mus-ap01,,museum,博物館,Museum,Sendai,38.2,140.8,09:00-17:30,,"), "test");
        Site akiu = r.site("akiu").orElseThrow();
        Site museum = r.site("museum").orElseThrow();
        assertThat(akiu.lodging()).isTrue();
        assertThat(akiu.openHours()).isEqualTo(OpenHours.DEFAULT);
        assertThat(r.resolve("akiu-ap01").orElseThrow().capacity()).isEqualTo(120);
        assertThat(museum.lodging()).isFalse();
        assertThat(museum.openHours()).isEqualTo(new OpenHours(9 * 60, 17 * 60 + 30));
        assertThat(r.resolve("mus-ap01").orElseThrow().capacity()).isNull();
    }

    @Test
    void aSitesClosedDaysComeFromItsClosedColumn() {
        ApRegistry r = ApRegistry.parse(List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,closed",
                "m1,,museum,萬画館,Manga Museum,Ishinomaki,38.43,141.31,mon+ 12-29..01-03",
                "s1,,station,駅,Station,Sendai,38.26,140.88,"), "reg.csv");
        jp.tabiji.ingest.registry.HolidayCalendar japan = jp.tabiji.ingest.registry.HolidayCalendar.japan();
        assertThat(r.site("museum").orElseThrow().closed().isClosed(java.time.LocalDate.of(2026, 10, 13), japan)).isTrue();
        assertThat(r.site("museum").orElseThrow().closed().isClosed(java.time.LocalDate.of(2026, 10, 12), japan)).isFalse();
        assertThat(r.site("station").orElseThrow().closed().isEmpty()).isTrue();
        assertThatThrownBy(() -> ApRegistry.parse(List.of("ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,"
                + "closed", "m1,,museum,館,M,A,38,141,mondays"), "reg.csv")).hasMessageContaining("reg.csv:2")
                .hasMessageContaining("'mondays'");
    }

    @Test
    void withoutAHeaderTheNinthColumnIsTheCapacity() {
        ApRegistry r = ApRegistry.parse(List.of("a1,,s,名,Name,Area,38.0,140.0,250"), "test");
        assertThat(r.resolve("a1").orElseThrow().capacity()).isEqualTo(250);
        assertThat(r.site("s").orElseThrow().kind()).isNull();
    }

    @Test
    void badKindsAndHoursNameTheirLine() {
        String header = "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,site_kind,open_hours";
        assertThatThrownBy(() -> ApRegistry.parse(List.of(header, "a1,,s,名,N,A,38,140,hotel,"), "reg.csv"))
                .hasMessageContaining("reg.csv:2").hasMessageContaining("site_kind must be empty or lodging");
        assertThatThrownBy(() -> ApRegistry.parse(List.of(header, "a1,,s,名,N,A,38,140,,22:00-07:00"), "reg.csv"))
                .hasMessageContaining("reg.csv:2").hasMessageContaining("opening before closing");
        assertThatThrownBy(() -> ApRegistry.parse(List.of(header, "a1,,s,名,N,A,38,140,,9-17"), "reg.csv"))
                .hasMessageContaining("HH:MM-HH:MM");
    }

    @Test
    void whereAnApStandsComesFromItsOpenDataColumnsAndAWrongMunicipalCodeIsRefusedWithItsLine() {
        ApRegistry r = ApRegistry.parse(List.of(
                "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,ssid,municipal_code,address",
                "c1,,castle,青葉城,Aoba Castle,Sendai,38.25,140.85,Miyagi_Free_Wi-Fi,041009,\"宮城県仙台市青葉区川内1\"",
                "p1,,port,塩竈港,Port,Shiogama,38.31,141.02,,,"), "reg.csv");
        assertThat(r.resolve("c1").orElseThrow().place())
                .isEqualTo(new AccessPoint.Place("041009", "宮城県仙台市青葉区川内1", "Miyagi_Free_Wi-Fi"));
        assertThat(r.resolve("p1").orElseThrow().place()).isEqualTo(AccessPoint.Place.NONE);
        assertThatThrownBy(() -> ApRegistry.parse(List.of(
                "ap_id,ap_mac,site_id,site_name_ja,site_name_en,area,lat,lon,municipal_code",
                "c1,,castle,青葉城,Aoba Castle,Sendai,38.25,140.85,041008"), "reg.csv"))
                .hasMessage("reg.csv:2: local government code 041008 has the wrong check digit (expected 041009)");
    }
}
