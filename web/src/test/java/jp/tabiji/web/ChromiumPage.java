package jp.tabiji.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A dashboard page as Debian's headless Chromium shows it, signed in with a one-time link: its DOM or a screenshot. */
final class ChromiumPage {
    private ChromiumPage() {
    }

    record Run(int exit, String stdout, String stderr) {
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE(")).toList();
        }
    }

    /** @param range {@code &from=..&to=..}, or empty for the range the dashboard opens on */
    static Run open(DashboardFixture fixture, Path dir, String user, String range, String page, String lang,
                    String... mode) throws Exception {
        String code = fixture.sessions.oneTimeLink(user, Duration.ofMinutes(2));
        String url = fixture.url("/login/once?code=" + code + "&lang=" + lang + range + "&page=" + page);
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=20000", "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(mode));
        cmd.add(url);
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What a chart draws, from its data-series attribute. */
    static String series(String dom, String chartId) {
        int at = dom.indexOf("id=\"" + chartId + "\"");
        assertThat(at).as("chart " + chartId).isNotNegative();
        int tagEnd = dom.indexOf('>', at);
        String tag = dom.substring(dom.lastIndexOf('<', at), tagEnd);
        int s = tag.indexOf("data-series=\"");
        assertThat(s).as("chart " + chartId + " has data").isNotNegative();
        return tag.substring(s + 13, tag.indexOf('"', s + 13)).replace("&quot;", "\"");
    }
}
