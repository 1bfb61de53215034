package newsdesk.launcher;

/** A start-up problem the operator can fix; its message is the one line the launcher prints before exiting. */
final class LaunchFailure extends RuntimeException {

    LaunchFailure(String message) {
        super(message);
    }

    LaunchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
