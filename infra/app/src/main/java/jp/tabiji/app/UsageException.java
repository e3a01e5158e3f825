package jp.tabiji.app;

/** A mistake in how a command was called: printed without a stack trace, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
