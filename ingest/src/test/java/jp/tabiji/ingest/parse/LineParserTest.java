package jp.tabiji.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import jp.tabiji.ingest.event.EventType;
import org.junit.jupiter.api.Test;

class LineParserTest {
    private final LineParser parser = new LineParser(ZoneId.of("Asia/Tokyo"));

    private ClientEvent parsed(String line) {
        ParseResult r = parser.parse(line);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }

    private String rejected(String line) {
        ParseResult r = parser.parse(line);
        assertThat(r).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) r).reason();
    }

    @Test
    void readsHostapdInRfc5424() {
        ClientEvent e = parsed("<30>1 2026-11-03T10:15:02.000+09:00 sendai-ap01 hostapd - - - wlan0: "
                + "AP-STA-CONNECTED 06:fc:e4:4a:e5:05");
        assertThat(e.ts()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:15:02+09:00").toInstant().toEpochMilli());
        assertThat(e.apRef()).isEqualTo("sendai-ap01");
        assertThat(e.type()).isEqualTo(EventType.CONNECT);
        assertThat(e.mac().canonical()).isEqualTo("06:fc:e4:4a:e5:05");
        assertThat(e.source()).isEqualTo("hostapd");
    }

    @Test
    void readsDisconnectsStructuredDataAndOtherMacSpellings() {
        ClientEvent e = parsed("<30>1 2026-11-03T01:15:02Z sendai-ap01 hostapd 1234 - [meta x=\"a]b\"] wlan1-1: "
                + "AP-STA-DISCONNECTED 06-FC-E4-4A-E5-05");
        assertThat(e.type()).isEqualTo(EventType.DISCONNECT);
        assertThat(e.mac().canonical()).isEqualTo("06:fc:e4:4a:e5:05");
        assertThat(parsed("<30>1 2026-11-03T01:15:02Z ap hostapd - - - wlan0: AP-STA-CONNECTED 06FCE44AE505")
                .mac().canonical()).isEqualTo("06:fc:e4:4a:e5:05");
    }

    @Test
    void skipsOtherHostapdMessagesAndOtherDaemons() {
        assertThat(parser.parse("<30>1 2026-11-03T01:15:02Z ap hostapd - - - wlan0: STA 06:fc:e4:4a:e5:05 "
                + "WPA: pairwise key handshake completed (RSN)")).isInstanceOf(ParseResult.Skipped.class);
        assertThat(parser.parse("<30>1 2026-11-03T01:15:02Z ap dnsmasq 1 - - DHCPACK"))
                .isInstanceOf(ParseResult.Skipped.class);
    }

    @Test
    void readsPortalLogins() {
        ClientEvent e = parsed("{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"sendai-ap01\",\"mac\":"
                + "\"06-FC-E4-4A-E5-05\",\"event\":\"login\",\"lang\":\"zh-TW,zh;q=0.9\"}");
        assertThat(e.type()).isEqualTo(EventType.LOGIN);
        assertThat(e.langRaw()).isEqualTo("zh-TW,zh;q=0.9");
        assertThat(e.mac().canonical()).isEqualTo("06:fc:e4:4a:e5:05");
        assertThat(parsed("{\"ts\":1793700000000,\"ap\":\"x\",\"mac\":\"06fce44ae505\",\"event\":\"login_failed\"}")
                .type()).isEqualTo(EventType.LOGIN_FAILED);
    }

    @Test
    void rejectsWhatCannotBeReadAndNeverEchoesTheMac() {
        assertThat(rejected("<30>1 2026-13-45T10:15:02.000+09:00 ap hostapd - - - wlan0: AP-STA-CONNECTED "
                + "06:fc:e4:4a:e5:05")).contains("timestamp").doesNotContain("06:fc");
        assertThat(rejected("<30>1 2026-11-03T10:15:02.000+09:00 ap hostapd - - - wlan0: AP-STA-CONNECTED "
                + "06:fc:e4:4a:e5:zz")).contains("MAC");
        assertThat(rejected("{\"ts\":\"2026-11-03T10:15:30+09:00\",\"ap\":\"a\",\"mac\":\"06-FC")).contains("JSON");
        assertThat(rejected("{\"ts\":\"yesterday\",\"ap\":\"a\",\"mac\":\"06fce44ae505\",\"event\":\"login\"}"))
                .contains("timestamp");
        assertThat(rejected("hello world")).contains("unrecognised");
        assertThat(rejected("<30>1 bad")).isNotBlank();
        assertThat(rejected("{\"ts\":1,\"ap\":\"a\",\"mac\":\"\uFFFD\",\"event\":\"login\"}")).contains("UTF-8");
    }
}
