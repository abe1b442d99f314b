package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code remix} and {@code recut} share: the execution input {@code {"edit": {"of", "tenant", …}}} run through
 * the same state machine as {@code run}, as a new job that is a version of {@code <jobId>}. The tenant is the
 * job's own unless {@code --tenant} names another (which Validate then refuses).
 */
abstract class EditCommand implements Callable<Integer> {
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The finished job to edit.")
    String jobId;

    @Option(names = "--tenant", description = "The tenant asking (default: the job's own).")
    String tenant;

    @Option(
            names = "--approval",
            description = "required: the new version waits for a person at WaitForApproval (needs serve to decide).")
    String approval;

    @Option(names = "--json", description = "Print one JSON object instead of progress and a summary.")
    boolean jsonOutput;

    @Option(names = "--data-dir", description = "Where the local stack keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".reelforge");

    @Spec
    CommandSpec spec;

    private final LocalStacks stacks;

    EditCommand(LocalStacks stacks) {
        this.stacks = stacks;
    }

    /** Adds the edit itself ({@code remix} or {@code recut}) to the {@code edit} object. */
    abstract void describe(ObjectNode edit);

    /** A word for the execution name: {@code remix} or {@code recut}. */
    abstract String kind();

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = Services.objectMapper();
        Path data = dataDir.toAbsolutePath();
        Instant started = Instant.now();
        try (LocalStacks.Lease lease = stacks.open(data)) {
            LocalAwsStack stack = lease.stack();
            Optional<JobRecord> original = stack.jobStore().find(jobId);
            ObjectNode input = json.createObjectNode();
            ObjectNode edit = input.putObject("edit");
            edit.put("of", jobId);
            edit.put(
                    "tenant",
                    tenant != null ? tenant : original.map(JobRecord::tenant).orElse("none"));
            if (approval != null) {
                edit.put("approval", approval);
            }
            describe(edit);
            input.putObject("source").put("kind", "cli");
            String name = executionName(json.writeValueAsString(edit), stack);
            return new RenderRun(
                            json,
                            jsonOutput,
                            spec.commandLine().getOut(),
                            spec.commandLine().getErr())
                    .execute(stack, data, input, name, started);
        }
    }

    /** {@code <jobId>-<kind>-<hash>}: the same edit again after a crash resumes it; once it ended, a new job. */
    private String executionName(String edit, LocalAwsStack stack) {
        String base = jobId.replaceAll("[^A-Za-z0-9._-]", "-");
        base = base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0)) ? "job" : base;
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String name = base + "-" + kind() + "-" + Sha256.hex(edit).substring(0, 10);
        Optional<JobRecord> existing = stack.jobStore().find(name);
        if (existing.isEmpty() || !existing.get().status().isFinal()) {
            return name;
        }
        return name + "-" + NAME_TIME.format(Instant.now());
    }
}
