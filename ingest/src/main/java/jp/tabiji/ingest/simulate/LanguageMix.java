package jp.tabiji.ingest.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Languages of Tohoku's Wi-Fi users: Japanese the majority, Traditional Chinese the largest foreign group,
 * then English, Korean, Simplified Chinese, Thai. Each comes with Accept-Language values browsers really send.
 */
final class LanguageMix {
    record Language(String code, double weight, List<String> acceptLanguages) {
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("ja", 0.58, List.of("ja-JP", "ja", "ja,en-US;q=0.9,en;q=0.8", "ja-jp")),
            new Language("zh-Hant", 0.14, List.of("zh-TW,zh;q=0.9,en-US;q=0.8", "zh-Hant-TW", "zh-HK,zh;q=0.9", "zh_TW")),
            new Language("en", 0.09, List.of("en-US,en;q=0.9", "en-GB,en;q=0.8", "en-AU", "en")),
            new Language("ko", 0.07, List.of("ko-KR,ko;q=0.9,en-US;q=0.8", "ko")),
            new Language("zh-Hans", 0.05, List.of("zh-CN,zh;q=0.9", "zh-Hans-CN", "zh-SG,zh;q=0.8")),
            new Language("th", 0.04, List.of("th-TH,th;q=0.9,en;q=0.8", "th")),
            new Language("fr", 0.02, List.of("fr-FR,fr;q=0.9,en;q=0.5")),
            new Language("vi", 0.01, List.of("vi-VN,vi;q=0.9")));

    private LanguageMix() {
    }

    static Language pick(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        double sum = 0;
        for (Language l : LANGUAGES) {
            sum += l.weight();
            if (x < sum) {
                return l;
            }
        }
        return LANGUAGES.get(0);
    }
}
