package jp.tabiji.ingest.registry;

/**
 * A 全国地方公共団体コード (JIS X 0402 with its check digit, e.g. 040002 for Miyagi Prefecture, 041009 for Sendai): five
 * digits and a sixth that is 11 minus the remainder of their weighted sum (6, 5, 4, 3, 2) by 11, its last digit.
 */
public final class LocalGovernmentCode {
    private LocalGovernmentCode() {
    }

    /** The code, trimmed, if it is six digits with the right check digit; else an error that says which is wrong. */
    public static String check(String code) {
        String c = code.trim();
        if (!c.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a local government code (全国地方公共団体コード) is six digits, not '"
                    + c.replaceAll("[^\\p{Alnum}]", "?") + "'");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (c.charAt(i) - '0') * (6 - i);
        }
        int digit = (11 - sum % 11) % 10;
        if (c.charAt(5) - '0' != digit) {
            throw new IllegalArgumentException("local government code " + c + " has the wrong check digit (expected "
                    + c.substring(0, 5) + digit + ")");
        }
        return c;
    }
}
