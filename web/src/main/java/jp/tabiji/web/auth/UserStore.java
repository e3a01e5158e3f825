package jp.tabiji.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private volatile Snapshot snapshot;

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

    /** Every request asks this: answered from the snapshot, without a lock, by the token's hash. */
    public Optional<User> byToken(String token) {
        return Optional.ofNullable(current().byTokenHash().get(Secrets.tokenHash(token)));
    }

    public Optional<User> byPassword(String name, char[] password) {
        return find(current().users(), name).filter(u -> Secrets.passwordMatches(password, u.passwordHash));
    }

    public Optional<User> byName(String name) {
        return find(current().users(), name);
    }

    /** The users as the file holds them now; read again only when the file changed (another process adds users). */
    private Snapshot current() {
        Object version = version();
        Snapshot s = snapshot;
        if (s != null && s.version().equals(version)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.version().equals(version)) {
                Users all = load();
                Map<String, User> byHash = new HashMap<>();
                all.users.forEach(u -> u.tokenHashes.forEach(h -> byHash.put(h, u)));
                s = new Snapshot(version, all, Map.copyOf(byHash));
                snapshot = s;
            }
            return s;
        }
    }

    /** What changes when the file is replaced or written: its inode, size and modification time. */
    private Object version() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users from " + file, e);
        }
    }

    private record Snapshot(Object version, Users users, Map<String, User> byTokenHash) {
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
            snapshot = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users to " + file, e);
        }
    }
}
