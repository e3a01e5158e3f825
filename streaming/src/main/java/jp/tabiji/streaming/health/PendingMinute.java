package jp.tabiji.streaming.health;

import java.util.ArrayList;
import java.util.List;
import jp.tabiji.ingest.event.WifiEvent;

/** One minute's events waiting for the watermark (a POJO: a list nested directly in a map would go to Kryo). */
public class PendingMinute {
    public List<WifiEvent> events = new ArrayList<>();

    public PendingMinute() {
    }
}
