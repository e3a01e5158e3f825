package jp.tabiji.app;

import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Lets records through; in the first attempt of subtask 0, after {@code records} of them, sends SIGKILL to a
 * server process (a Kafka broker, a ClickHouse server) by pid: a fault at a known point of a running job, with
 * nothing but a number held by the function.
 */
final class KillProcessAfter extends RichMapFunction<byte[], byte[]> {
    private final long pid;
    private final long records;
    private transient long seen;

    KillProcessAfter(long pid, long records) {
        this.pid = pid;
        this.records = records;
    }

    @Override
    public byte[] map(byte[] value) {
        if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && ++seen == records) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return value;
    }
}
