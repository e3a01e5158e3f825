package jp.tabiji.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a followed file stands: which file (its inode, so a rotated file is found again under its new name), the
 * byte offset after the last record published, and what is needed to check and resume there.
 *
 * @param path the name followed
 * @param fileKey the file's identity ({@code (dev=..,ino=..)}) when the offset was taken
 * @param headLength how many leading bytes {@code headCrc} covers (to notice a file replaced or truncated)
 * @param csvHeader the portal CSV header of the file, if it has one
 */
record FilePosition(String path, String fileKey, long offset, long lineNo, int headLength, long headCrc,
                    String csvHeader) {
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", 1);
        n.put("path", path);
        n.put("fileKey", fileKey);
        n.put("offset", offset);
        n.put("lineNo", lineNo);
        n.put("headLength", headLength);
        n.put("headCrc", headCrc);
        n.put("csvHeader", csvHeader);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FilePosition fromJson(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            return new FilePosition(n.get("path").asText(), n.get("fileKey").asText(), n.get("offset").asLong(),
                    n.get("lineNo").asLong(), n.get("headLength").asInt(), n.get("headCrc").asLong(),
                    n.get("csvHeader").isNull() ? null : n.get("csvHeader").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
