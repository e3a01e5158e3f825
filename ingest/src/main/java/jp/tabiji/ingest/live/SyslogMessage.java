package jp.tabiji.ingest.live;

/**
 * One received syslog message.
 *
 * @param sender the sender's address, used as the AP when a message names none
 * @param overLength true if the message was cut at the length limit
 */
record SyslogMessage(String text, long receivedAt, String transport, String sender, boolean overLength) {
}
