package dev.reelforge.wiring;

/**
 * Builds, on a daemon thread, something the handler is sure to need, while its init goes on with the rest. Every light
 * handler reads or writes DynamoDB, and building the SDK client (its classes, the HTTP client's TLS context) is about a
 * fifth of a cold start; with a second core free that work overlaps Jackson's and the request schema's instead of
 * following it. The builder it calls must be thread-safe and build at most once ({@code AwsClients}' are). Not used when
 * init runs ahead of requests (SnapStart, provisioned concurrency): there everything is built on the init thread.
 */
final class Warmup {
    private Warmup() {}

    static void inBackground(String name, Runnable build) {
        Thread thread = new Thread(() -> run(build), "reelforge-warm-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A failure here is not reported: the builder keeps nothing when it fails, so the handler's own first use builds
     * again and fails there, in the request that needs it, with the error the workflow records.
     */
    private static void run(Runnable build) {
        try {
            build.run();
        } catch (RuntimeException reportedByTheFirstUse) {
            // nothing kept: the handler's own first use builds again and fails in its request
        }
    }
}
