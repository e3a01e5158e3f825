package jp.tabiji.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageNormalizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "en-US|en", "EN|en", "ja-JP|ja", "zh-TW|zh-Hant", "zh-HK|zh-Hant", "zh-MO|zh-Hant", "zh-Hant|zh-Hant",
            "zh_TW|zh-Hant", "zh-Hant-TW|zh-Hant", "zh-CN|zh-Hans", "zh-SG|zh-Hans", "zh|zh-Hans", "zh-Hans|zh-Hans",
            "zh-TW,zh;q=0.9,en-US;q=0.8|zh-Hant", "en;q=0.5,ko;q=0.9|ko", "fr;q=0.8,de;q=0.8|fr",
            "ko-KR,ko;q=0.9|ko", "th-TH|th", "*|NULL", "''|NULL", "123|NULL", "en-|NULL", "a|NULL",
            "x-klingon|NULL", "en;q=abc|NULL", "en;q=0|NULL"})
    void normalizes(String value, String expected) {
        assertThat(LanguageNormalizer.normalize(value)).isEqualTo(expected);
    }
}
