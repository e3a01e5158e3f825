package jp.tabiji.app;

import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Lets records through; in the first attempt of subtask 0, after {@code records} of them, sends SIGKILL to a
 * server process (a Kafka broker, a ClickHouse server), or several, by pid: a fault at a known point of a running job, with
 * nothing but a number held by the function.
 */
final class KillProcessAfter extends RichMapFunction<byte[], byte[]> {
    private final long[] pids;
    private final long records;
    private transient long seen;

    KillProcessAfter(long pid, long records) {
        this(new long[] {pid}, records);
    }

    /** All of them at once: a whole shard, say. */
    KillProcessAfter(long[] pids, long records) {
        this.pids = pids.clone();
        this.records = records;
    }

    @Override
    public byte[] map(byte[] value) {
        if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && ++seen == records) {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        return value;
    }
}
