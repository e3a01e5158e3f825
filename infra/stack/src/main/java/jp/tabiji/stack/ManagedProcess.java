package jp.tabiji.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server process of the local stack: started in its own session (so it outlives the command that started
 * it and ignores the terminal's Ctrl-C), output to a log file, pid kept in a file so `tabiji down` finds it.
 */
public final class ManagedProcess {
    private final String name;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(String name, Path stateDir) {
        this.name = name;
        this.pidFile = stateDir.resolve(name + ".pid");
        this.logFile = stateDir.resolve(name + ".out");
    }

    public long start(List<String> command, Path workDir) throws IOException {
        Files.createDirectories(pidFile.getParent());
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        Files.writeString(pidFile, Long.toString(p.pid()), StandardCharsets.UTF_8);
        return p.pid();
    }

    public Optional<ProcessHandle> handle() {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return handle().isPresent();
    }

    /** Waits until {@code ready} holds; fails early with the log's tail if the process dies. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!isRunning()) {
                throw new IOException(name + " exited during start-up; log tail:\n" + logTail(30));
            }
            sleep(100);
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s; log tail:\n" + logTail(30));
    }

    /** Stops the process (TERM, then KILL after the grace period) and forgets its pid. */
    public void stop(Duration grace) throws IOException {
        Optional<ProcessHandle> h = handle();
        if (h.isPresent()) {
            ProcessHandle p = h.get();
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                sleep(200);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        Files.deleteIfExists(pidFile);
    }

    /** SIGKILL, as a crash or the OOM killer would end the process: no shutdown hooks, nothing flushed. */
    public void kill() throws IOException {
        Optional<ProcessHandle> h = handle();
        if (h.isPresent()) {
            h.get().destroyForcibly();
            try {
                h.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException(name + " still alive 30 s after SIGKILL", e);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** How much the log holds now: a restart's readiness is read from what it writes after this. */
    public long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public Path logFile() {
        return logFile;
    }

    public String name() {
        return name;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
