package jp.tabiji.streaming;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * An event's time, read from its record on {@code tabiji.events} (the codec writes {@code {"v":N,"ts":MILLIS,...}}),
 * not from the Kafka record's timestamp. Records carry the time they were published, so that the topic's retention
 * counts from publishing: a backfill of last year's logs would otherwise be deleted by retention as soon as it was
 * written. A record in another shape keeps its Kafka timestamp.
 */
public final class EventTimeAssigner implements SerializableTimestampAssigner<byte[]> {
    private static final byte[] TS = {',', '"', 't', 's', '"', ':'};

    @Override
    public long extractTimestamp(byte[] record, long recordTimestamp) {
        int at = indexOfTs(record);
        if (at < 0) {
            return recordTimestamp;
        }
        long ts = 0;
        int i = at;
        while (i < record.length && record[i] >= '0' && record[i] <= '9' && i - at < 19) {
            ts = ts * 10 + (record[i++] - '0');
        }
        return i > at ? ts : recordTimestamp;
    }

    /** Where the digits after {@code ,"ts":} start within the record's first bytes, or -1. */
    private static int indexOfTs(byte[] r) {
        int limit = Math.min(r.length - TS.length, 16);
        for (int start = 1; start <= limit; start++) {
            boolean match = true;
            for (int j = 0; j < TS.length && match; j++) {
                match = r[start + j] == TS[j];
            }
            if (match) {
                return start + TS.length;
            }
        }
        return -1;
    }
}
