package jp.tabiji.ingest.parse;

/** What a parser made of one input record. */
public sealed interface ParseResult {

    /** A client event. */
    record Parsed(ClientEvent event) implements ParseResult {
    }

    /** A recognised record that is no client event (e.g. another daemon's syslog line). */
    record Skipped(String reason) implements ParseResult {
    }

    /** Input that cannot be read; goes to the dead-letter topic with this reason. */
    record Rejected(String reason) implements ParseResult {
    }

    /** A client event, or its rejection if its client MAC cannot be a device (every parser goes through here). */
    static ParseResult parsed(ClientEvent event) {
        String bad = event.mac().notAClientReason();
        return bad == null ? new Parsed(event) : new Rejected(bad);
    }

    static ParseResult rejected(String reason) {
        return new Rejected(reason);
    }

    static ParseResult skipped(String reason) {
        return new Skipped(reason);
    }
}
