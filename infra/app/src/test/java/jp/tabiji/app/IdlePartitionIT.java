package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.streaming.KafkaEventsJob;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job with one of its two Kafka partitions silent: the watermark follows the partition that speaks once
 * the other has been idle for the configured time, so visits still close. Without idleness handling the silent
 * partition's watermark would stay at its minimum and no visit would ever be written.
 */
class IdlePartitionIT {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZonedDateTime NINE = ZonedDateTime.of(2026, 11, 3, 9, 0, 0, 0, TOKYO);
    @TempDir
    Path dir;

    @Test
    void aSilentPartitionDoesNotStallTheWatermark() throws Exception {
        try (LocalStack stack = LocalStack.startOnFreePorts(dir.resolve("stack"))) {
            ClickHouseHttp ch = new ClickHouseHttp(stack.clickhouseUrl(), "idle");
            new SchemaMigrator(ch).migrate();
            TopicSetup.ensureTopics(stack.kafkaBootstrap(), 2);
            // a visit from 09:00 to 09:20, closable at 09:50; a later event lifts partition 0's watermark past it
            EventsTopic.sendToPartition0(stack.kafkaBootstrap(), List.of(
                    event(0, "device-a", EventType.CONNECT), event(20, "device-a", EventType.DISCONNECT),
                    event(60, "device-b", EventType.CONNECT)));

            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
                    EmbeddedJobRunner.checkpointsIn(dir.resolve("checkpoints")));
            env.enableCheckpointing(500); // the ClickHouse sink writes what it holds at each checkpoint
            KafkaEventsJob.defineLive(env, new KafkaEventsJob.Settings(stack.kafkaBootstrap(), stack.clickhouseUrl(),
                    "idle", TOKYO, Duration.ofMinutes(2), 1_000, dir.resolve("archive").toUri().toString(),
                    Duration.ofSeconds(2)));
            JobClient job = env.executeAsync("idle partition");
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (ch.selectLong("SELECT count() FROM visits") == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(250);
                }
            } finally {
                job.cancel().get();
            }
            assertThat(ch.select("SELECT device_id, site_id, dwell_s FROM visits"))
                    .as("device-a's visit closed although partition 1 never sent anything")
                    .singleElement().satisfies(r -> assertThat(r).containsExactly("device-a", "sendai-station",
                            "1200"));
        }
    }

    private static WifiEvent event(int minutes, String device, EventType type) {
        return new WifiEvent(NINE.plusMinutes(minutes).toInstant().toEpochMilli(), "ap-1", "sendai-station", device,
                false, type, null, "test");
    }

}
