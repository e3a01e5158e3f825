package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import jp.tabiji.streaming.health.HealthSettings;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state directory and every secret in it are their owner's alone; the webhook URL never becomes a flag. */
class StateFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theStateDirectoryAndItsSecretsAreOwnerOnly() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        AppConfig config = AppConfig.fromEnv(Map.of("TABIJI_HOME", home.toString()));
        config.ensureHome();
        assertThat(mode(home)).isEqualTo("rwx------");
        config.secret(Map.of());
        config.releaseSecret(Map.of());
        assertThat(mode(home.resolve("secret"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("release-secret"))).isEqualTo("rw-------");
    }

    @Test
    void theWebhookTravelsToTheJobInAnOwnerOnlyFileNotAsAnArgument() throws Exception {
        AppConfig config = AppConfig.fromEnv(Map.of("TABIJI_HOME", dir.resolve("home").toString()));
        String url = "https://hooks.example.com/services/T000/B000/s3cr3t-token";
        List<String> args = config.healthArgs(HealthSettings.defaults().withWebhook(url));
        assertThat(String.join(" ", args)).doesNotContain("s3cr3t").doesNotContain("hooks.example.com")
                .contains("--alert-webhook-file");
        Path file = Path.of(args.get(args.indexOf("--alert-webhook-file") + 1));
        assertThat(mode(file)).isEqualTo("rw-------");
        // the job reads it back from the file
        assertThat(HealthSettings.from(ParameterTool.fromArgs(args.toArray(String[]::new))).webhookUrl())
                .isEqualTo(url);
        assertThatThrownBy(() -> HealthSettings.from(ParameterTool.fromArgs(new String[] {"--alert-webhook", url})))
                .hasMessageContaining("TABIJI_ALERT_WEBHOOK").hasMessageNotContaining("s3cr3t");
    }
}
