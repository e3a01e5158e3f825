package jp.tabiji.ingest.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes a BCP 47 tag or an Accept-Language value (DESIGN.md, "language normalization"):
 * highest q wins (first on ties); zh with Hant or TW/HK/MO is zh-Hant, other zh is zh-Hans;
 * otherwise the lower-case primary subtag. Returns null for anything invalid.
 */
public final class LanguageNormalizer {
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern Q = Pattern.compile("q=(0(\\.\\d{0,3})?|1(\\.0{0,3})?)");

    private LanguageNormalizer() {
    }

    public static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String best = null;
        double bestQ = -1;
        for (String entry : value.split(",")) {
            String[] parts = entry.trim().split(";");
            String tag = parts[0].trim().replace('_', '-');
            double q = 1.0;
            boolean validQ = true;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (param.startsWith("q=")) {
                    validQ = Q.matcher(param).matches();
                    if (validQ) {
                        q = Double.parseDouble(param.substring(2));
                    }
                }
            }
            if (!validQ || tag.equals("*") || !TAG.matcher(tag).matches()) {
                continue;
            }
            if (q > bestQ) {
                best = tag;
                bestQ = q;
            }
        }
        if (best == null || bestQ <= 0) {
            return null;
        }
        return fromTag(best);
    }

    private static String fromTag(String tag) {
        String[] subtags = tag.toLowerCase(Locale.ROOT).split("-");
        String primary = subtags[0];
        if (primary.length() > 3 && !primary.equals("zh")) {
            // 4-8 letter primary subtags are reserved or registered oddities; keep only real language codes.
            return null;
        }
        if (!primary.equals("zh")) {
            return primary;
        }
        for (int i = 1; i < subtags.length; i++) {
            String s = subtags[i];
            if (s.equals("hant") || s.equals("tw") || s.equals("hk") || s.equals("mo")) {
                return "zh-Hant";
            }
            if (s.equals("hans")) {
                return "zh-Hans";
            }
        }
        return "zh-Hans";
    }
}
