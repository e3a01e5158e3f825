package jp.tabiji.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users, their roles, password hashes and token hashes, in one JSON file of the state directory (mode 600). No
 * password or token is ever stored in the clear; a token is shown once, when it is made.
 */
public final class UserStore {
    /** One user as stored. */
    public static final class User {
        public String name;
        public String role;
        public String passwordHash;
        public List<String> tokenHashes = new ArrayList<>();
        public String created;

        public Role role() {
            return Role.parse(role);
        }
    }

    /** The file's content. */
    public static final class Users {
        public List<User> users = new ArrayList<>();
    }

    private final Path file;
    private final Secrets secrets = new Secrets();
    private final ObjectMapper json = new ObjectMapper();

    public UserStore(Path file) {
        this.file = file;
    }

    /** Adds a user (or gives an existing one a new role) and returns a new API token for them. */
    public synchronized String addUser(String name, Role role) {
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("a user name is 1–64 letters, digits or . _ @ -");
        }
        Users all = load();
        User u = find(all, name).orElseGet(() -> {
            User n = new User();
            n.name = name;
            n.created = Instant.now().toString();
            all.users.add(n);
            return n;
        });
        u.role = role.label();
        String token = secrets.newToken();
        u.tokenHashes.add(Secrets.tokenHash(token));
        save(all);
        return token;
    }

    public synchronized void setPassword(String name, char[] password) {
        if (password.length < 12) {
            throw new IllegalArgumentException("a password has at least 12 characters");
        }
        Users all = load();
        User u = find(all, name).orElseThrow(() -> new IllegalArgumentException("no user " + name));
        u.passwordHash = secrets.passwordHash(password);
        save(all);
    }

    public synchronized Optional<User> byToken(String token) {
        String hash = Secrets.tokenHash(token);
        for (User u : load().users) {
            for (String h : u.tokenHashes) {
                if (Secrets.sameHash(h, hash)) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<User> byPassword(String name, char[] password) {
        return find(load(), name).filter(u -> Secrets.passwordMatches(password, u.passwordHash));
    }

    public synchronized Optional<User> byName(String name) {
        return find(load(), name);
    }

    private static Optional<User> find(Users all, String name) {
        return all.users.stream().filter(u -> u.name.equals(name)).findFirst();
    }

    private Users load() {
        try {
            return Files.exists(file) ? json.readValue(file.toFile(), Users.class) : new Users();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users from " + file, e);
        }
    }

    private void save(Users all) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users to " + file, e);
        }
    }
}
