package dev.reelforge.local.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a tool it needs from the machine (Chromium, a Python for LocalStack) is missing and cannot be
 * installed: in CI it fails, because CI exists to run every tier; elsewhere it is skipped, and the reason is one line
 * on standard error and in the test report. CI is on when the {@code CI} variable is set to anything but empty,
 * {@code false} or {@code 0} (GitHub Actions and GitLab set {@code CI=true}).
 *
 * <pre>{@code
 * if (chromium == null) {
 *     MissingTool.stop("the report's Chromium check", "chromium is not installed and apt-get is not available");
 * }
 * }</pre>
 */
public final class MissingTool {
    static final String CI_VARIABLE = "CI";

    private MissingTool() {}

    /**
     * Never returns: throws an {@link AssertionError} in CI, else aborts the test (JUnit reports it skipped).
     *
     * @param what the part of the suite that cannot run, e.g. "the LocalStack tier"
     * @param why what is missing and what was tried
     */
    public static void stop(String what, String why) {
        stop(what, why, System.getenv());
    }

    static void stop(String what, String why, Map<String, String> environment) {
        String reason = oneLine(why);
        if (inCi(environment)) {
            throw new AssertionError("CI must run " + what + ", but " + reason);
        }
        String line = what + " skipped (not in CI): " + reason;
        System.err.println(line); // the build log shows why; Surefire's summary only counts skips
        Assumptions.abort(line);
    }

    /** Whether {@code environment} says this is a CI run. */
    public static boolean inCi(Map<String, String> environment) {
        String value = environment.get(CI_VARIABLE);
        return value != null
                && !value.isBlank()
                && !value.strip().equalsIgnoreCase("false")
                && !value.strip().equals("0");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
