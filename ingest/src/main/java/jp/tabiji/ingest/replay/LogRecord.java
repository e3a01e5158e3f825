package jp.tabiji.ingest.replay;

import jp.tabiji.ingest.parse.ParseResult;

/**
 * One input line with what the parser made of it.
 *
 * @param origin the file it came from
 * @param orderTs event time used to merge files; a line with no event keeps the time of the one before it
 */
public record LogRecord(String origin, long lineNo, String line, ParseResult result, long orderTs) {
}
