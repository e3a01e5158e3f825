package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * infra/prometheus as Prometheus itself reads it (Debian's promtool): the scrape configuration and the alert
 * rules are valid, and the rules' unit tests (tabiji-rules.test.yml) pass: each alert fires on what it is for
 * and stays quiet otherwise.
 */
class PrometheusConfigTest {
    private static final Path DIR = Path.of("..", "prometheus").toAbsolutePath().normalize();

    private static String promtool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "promtool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @Test
    void theScrapeConfigurationAndTheRulesAreValidAndTheRulesDoWhatTheirTestsSay() throws Exception {
        assertThat(Files.exists(DIR.resolve("prometheus.yml"))).isTrue();
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool("check", "rules", "tabiji-rules.yml")).contains("12 rules found");
        assertThat(promtool("test", "rules", "tabiji-rules.test.yml")).contains("SUCCESS");
    }
}
