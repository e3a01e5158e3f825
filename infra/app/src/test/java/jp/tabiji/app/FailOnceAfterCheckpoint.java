package jp.tabiji.app;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Lets records through; in the first attempt, once a checkpoint has completed and some records have passed
 * it, throws, so the job restarts from that checkpoint and its sinks write some rows a second time.
 */
final class FailOnceAfterCheckpoint extends RichMapFunction<byte[], byte[]> implements CheckpointListener {
    private final long recordsAfterCheckpoint;
    private transient volatile boolean checkpointed;
    private transient long seenSinceCheckpoint;

    FailOnceAfterCheckpoint(long recordsAfterCheckpoint) {
        this.recordsAfterCheckpoint = recordsAfterCheckpoint;
    }

    @Override
    public byte[] map(byte[] value) throws Exception {
        if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
            if (!checkpointed) {
                Thread.sleep(1); // slow the first attempt so that a checkpoint completes mid-run
                return value;
            }
            if (++seenSinceCheckpoint > recordsAfterCheckpoint) {
                throw new IllegalStateException("injected failure: restart from the last checkpoint");
            }
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
