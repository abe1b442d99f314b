package dev.reelforge.local.conformance;

import dev.reelforge.local.testing.MissingTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the conformance tier finds the checkout, its scripts and mock file, and which LocalStack it talks to. */
final class ConformancePaths {
    /** Set by infrastructure/local/localstack/check.sh to the state file of the LocalStack it started. */
    static final String STATE_FILE_VARIABLE = "REELFORGE_LOCALSTACK_STATE";

    private ConformancePaths() {}

    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(scripts(candidate).resolve("start.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No infrastructure/local/localstack/start.sh above " + dir);
    }

    static Path scripts(Path repo) {
        return repo.resolve("infrastructure/local/localstack");
    }

    static Path mockConfig(Path repo) {
        return scripts(repo).resolve("mock-config.json");
    }

    /**
     * The LocalStack that check.sh started, else a fresh one started here. Without Python 3.12+ the calling test fails
     * in CI and is skipped elsewhere ({@link MissingTool}).
     */
    static LocalStackInstance localStack(Path repo) {
        String stateFile = System.getenv(STATE_FILE_VARIABLE);
        if (stateFile != null && !stateFile.isBlank()) {
            Optional<LocalStackInstance> attached = LocalStackInstance.attach(scripts(repo), Path.of(stateFile));
            if (attached.isPresent()) {
                return attached.get();
            }
        }
        try {
            return LocalStackInstance.start(
                    scripts(repo),
                    repo.resolve("infrastructure/local/cli/target/localstack-test.state"),
                    mockConfig(repo));
        } catch (LocalStackInstance.NoSuitablePythonException e) {
            MissingTool.stop("the LocalStack tier", e.getMessage());
            throw e;
        }
    }
}
