package jp.tabiji.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.RecoverableFsDataOutputStream;
import org.apache.flink.core.fs.RecoverableWriter;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.apache.flink.core.fs.local.LocalRecoverableWriter;

/**
 * The local file system under the scheme {@code fullfs://}, with a full disk at the test's command: while the flag
 * file named by {@link #FLAG} exists, every write fails as the kernel's ENOSPC does. The flag is a file because
 * the writers run in a TaskManager's JVM; the cluster's configuration tells the factory where it is.
 */
public final class DiskFullFileSystem extends LocalFileSystem {
    static final String SCHEME = "fullfs";
    static final ConfigOption<String> FLAG = ConfigOptions.key("tabiji.test.disk-full-flag").stringType()
            .noDefaultValue();
    private static final String ENOSPC = "No space left on device";

    private final java.nio.file.Path flag;
    private volatile long checkedAt;
    private volatile boolean full;

    private DiskFullFileSystem(java.nio.file.Path flag) {
        this.flag = flag;
    }

    /** The archive URI of a local directory on this file system. */
    static String uri(java.nio.file.Path dir) {
        return SCHEME + "://" + dir.toAbsolutePath();
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode mode) throws IOException {
        failIfFull();
        return super.create(path, mode);
    }

    @Override
    public LocalRecoverableWriter createRecoverableWriter() {
        return new LocalRecoverableWriter(this) {
            @Override
            public RecoverableFsDataOutputStream open(Path path) throws IOException {
                return new Guarded(super.open(path));
            }

            @Override
            public RecoverableFsDataOutputStream recover(ResumeRecoverable resumable) throws IOException {
                return new Guarded(super.recover(resumable));
            }
        };
    }

    private void failIfFull() throws IOException {
        long now = System.nanoTime();
        if (flag != null && now - checkedAt > 20_000_000L) { // a stat per 20 ms, not per write
            full = Files.exists(flag);
            checkedAt = now;
        }
        if (full) {
            throw new IOException(ENOSPC);
        }
    }

    /** A part file's stream that refuses bytes, flushes and commits while the disk is full. */
    private final class Guarded extends RecoverableFsDataOutputStream {
        private final RecoverableFsDataOutputStream out;

        Guarded(RecoverableFsDataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            failIfFull();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            failIfFull();
            out.write(b, off, len);
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void flush() throws IOException {
            failIfFull();
            out.flush();
        }

        @Override
        public void sync() throws IOException {
            failIfFull();
            out.sync();
        }

        @Override
        public RecoverableWriter.ResumeRecoverable persist() throws IOException {
            failIfFull();
            return out.persist();
        }

        @Override
        public Committer closeForCommit() throws IOException {
            failIfFull();
            return out.closeForCommit();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Found by Flink's service loader on the class path; told the flag's place by the cluster's configuration. */
    public static final class Factory implements FileSystemFactory {
        private java.nio.file.Path flag;

        @Override
        public void configure(Configuration config) {
            flag = config.getOptional(FLAG).map(java.nio.file.Path::of).orElse(null);
        }

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileSystem create(URI uri) {
            return new DiskFullFileSystem(flag);
        }
    }
}
