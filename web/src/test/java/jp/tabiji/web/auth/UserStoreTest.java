package jp.tabiji.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import jp.tabiji.web.report.AuditLog;
import jp.tabiji.web.report.ReportLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token lookups answer from memory (no file read, no shared lock per request) yet see users other processes add. */
class UserStoreTest {
    @TempDir
    Path dir;

    @Test
    void lookupsDoNotReadTheFileAgainUntilItChanges() throws Exception {
        Path file = dir.resolve("users.json");
        UserStore serve = new UserStore(file);
        String token = serve.addUser("vera", Role.VIEWER);
        assertThat(serve.byToken(token)).map(u -> u.name).hasValue("vera");
        // the file's bytes garbled in place, its size, inode and time kept: a store that read the file per request
        // would fail here, one that answers from memory does not notice
        byte[] saved = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Files.write(file, "x".repeat(saved.length).getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
        Files.setLastModifiedTime(file, modified);
        for (int i = 0; i < 1000; i++) {
            assertThat(serve.byToken(token)).isPresent();
        }
        assertThat(serve.byToken("tbj_wrong")).isEmpty();
        Files.write(file, saved, StandardOpenOption.WRITE);
        // `tabiji users add` in another process writes the file: the running server sees the new user
        String other = new UserStore(file).addUser("otto", Role.OPS);
        assertThat(serve.byToken(other)).map(u -> u.name).hasValue("otto");
        assertThat(serve.byToken(token)).map(u -> u.name).hasValue("vera");
    }

    @Test
    void theUsersFileAndTheAuditLogAreTheirOwnersAlone() throws Exception {
        Path file = dir.resolve("users.json");
        new UserStore(file).addUser("ada", Role.ADMIN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path audit = dir.resolve("audit.log");
        new AuditLog(audit, Clock.systemUTC()).exported("ada", "api", "csv", ReportLanguage.JA,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit))).isEqualTo("rw-------");
    }
}
