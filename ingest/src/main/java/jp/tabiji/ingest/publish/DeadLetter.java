package jp.tabiji.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tabiji.ingest.privacy.MacMasker;

/**
 * A rejected input record on {@code tabiji.dlq}: why, from where, when received, and the line with every
 * MAC-like token masked (truncated past {@link #MAX_LINE_CHARS}).
 */
public record DeadLetter(String reason, String source, long receivedAt, String origin, long lineNo, String line) {
    public static final int MAX_LINE_CHARS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DeadLetter of(String reason, String source, long receivedAt, String origin, long lineNo, String rawLine) {
        String line = rawLine.length() > MAX_LINE_CHARS ? rawLine.substring(0, MAX_LINE_CHARS) : rawLine;
        return new DeadLetter(MacMasker.mask(reason), source, receivedAt, origin, lineNo, MacMasker.mask(line));
    }

    /** An exception as one line for a log, with MAC-like tokens masked (messages can quote input). */
    public static String maskedReason(Throwable e) {
        return MacMasker.mask(e.toString());
    }

    public byte[] toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", 1);
        n.put("reason", reason);
        n.put("source", source);
        n.put("receivedAt", receivedAt);
        n.put("origin", origin);
        n.put("lineNo", lineNo);
        n.put("line", line);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
