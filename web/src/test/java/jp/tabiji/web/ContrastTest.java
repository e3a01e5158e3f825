package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's colours as its style sheet sets them, against WCAG 2.1 AA (JIS X 8341-3): text at least 4.5:1
 * against its background, focus outlines at least 3:1 against what they are drawn on.
 */
class ContrastTest {
    private final String css = read();

    @Test
    void textIsReadableOnItsBackground() {
        String page = property("body", "background");
        assertThat(contrast(property("body", "color"), page)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property("header", "color"), property("header", "background")))
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property("nav a", "color"), property("header", "background"))).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property("button", "color"), property("button", "background")))
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property(".tile span", "color"), page)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property(".tile strong", "color"), page)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(property("#login-error", "color"), page)).isGreaterThanOrEqualTo(4.5);
        for (String status : new String[] {"ok", "silent", "overloaded", "unknown"}) {
            assertThat(contrast(property(".status-" + status, "color"), page)).as(status).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void focusIsVisibleOnThePageAndInTheHeader() {
        assertThat(contrast(outline("button:focus, input:focus, select:focus, a:focus"), property("body", "background")))
                .isGreaterThanOrEqualTo(3);
        assertThat(contrast(property("header button:focus, header a:focus", "outline-color"),
                property("header", "background"))).isGreaterThanOrEqualTo(3);
    }

    private String outline(String selector) {
        Matcher m = Pattern.compile("#[0-9a-fA-F]{3,6}").matcher(property(selector, "outline"));
        assertThat(m.find()).as("outline colour of " + selector).isTrue();
        return m.group();
    }

    private String property(String selector, String name) {
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(selector) + " \\{([^}]*)\\}").matcher(css);
        assertThat(rule.find()).as("rule " + selector).isTrue();
        Matcher p = Pattern.compile("(?:^|;)\\s*" + Pattern.quote(name) + ":\\s*([^;]+)").matcher(rule.group(1));
        assertThat(p.find()).as(selector + " " + name).isTrue();
        return p.group(1).trim();
    }

    /** WCAG relative-luminance contrast of two #rgb or #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static String read() {
        try (InputStream in = ContrastTest.class.getResourceAsStream("/web/app.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
