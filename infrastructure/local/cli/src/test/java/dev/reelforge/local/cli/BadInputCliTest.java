package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.badinput.BadInputCorpus;
import dev.reelforge.local.badinput.BadInputCorpus.BadRequest;
import dev.reelforge.local.cli.InProcessCli.Outcome;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus through {@code reelforge validate} (all of it) and {@code reelforge run} (the files and the
 * generated extremes: a run costs a few hundred milliseconds of local stack), in-process on one local stack: every
 * input exits 2 with a one-line rejection naming its field, nothing on any stream (the command's, or
 * {@code System.out}/{@code System.err} where the loggers write) looks like a stack trace, nothing the command prints
 * carries raw control characters, each job {@code run} opens is recorded REJECTED with the reason it printed, and
 * nothing lands outside the data directory or outside the tenant's prefix in the bucket.
 */
class BadInputCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat [\\w.$/]+\\(|Caused by: |Exception: |\\bat java\\.");
    private static final Pattern RAW_CONTROL =
            Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202a-\\u202e\\u2066-\\u2069]");
    private static final Pattern TENANT_KEY = Pattern.compile("^(clips|outputs|jobs)/demo/[A-Za-z0-9._-]+/.+");

    @TempDir
    static Path root;

    private static Path data;
    private static Path requests;
    private static LocalAwsStack stack;
    private static List<BadRequest> corpus;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectory(root.resolve("data"));
        requests = Files.createDirectory(root.resolve("requests"));
        corpus = BadInputCorpus.requests();
        for (int i = 0; i < corpus.size(); i++) {
            Files.write(file(i), corpus.get(i).bytes());
        }
        stack = LocalAwsStack.start(data);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Path file(int i) {
        return requests.resolve(String.format("%04d.json", i));
    }

    private static Outcome execute(String... args) {
        return InProcessCli.execute(stack, args);
    }

    private static boolean oversized(BadRequest request) {
        return request.bytes().length > RequestFile.MAX_BYTES;
    }

    private static void assertNamedRejection(SoftAssertions softly, BadRequest request, String message) {
        if (oversized(request)) {
            softly.assertThat(message).as(request.name()).contains("larger than 64 KiB");
            return;
        }
        softly.assertThat(request.isNamedIn(message, Printable::of))
                .as(
                        "%s: the rejection names one of %s: %s",
                        request.name(), Printable.of(request.fields().toString()), Printable.of(message))
                .isTrue();
    }

    private static void assertClean(SoftAssertions softly, String name, Outcome outcome) {
        softly.assertThat(STACK_TRACE.matcher(outcome.all()).find())
                .as("%s printed a stack trace:%n%s", name, Printable.of(outcome.all()))
                .isFalse();
        softly.assertThat(RAW_CONTROL.matcher(outcome.out() + outcome.err()).find())
                .as("%s printed raw control characters:%n%s", name, Printable.of(outcome.all()))
                .isFalse();
    }

    @Test
    void validate_everyBadInput_exitsTwoNamingTheFieldWithoutStackTrace() {
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < corpus.size(); i++) {
            BadRequest request = corpus.get(i);
            Outcome outcome = execute("validate", file(i).toString());

            softly.assertThat(outcome.exit())
                    .as("%s: %s", request.name(), Printable.of(outcome.all()))
                    .isEqualTo(ReelforgeCli.INVALID_INPUT);
            softly.assertThat(outcome.err()).as(request.name()).startsWith("rejected: ");
            softly.assertThat(outcome.err().strip().lines().count())
                    .as("%s: one line: %s", request.name(), outcome.err())
                    .isEqualTo(1);
            assertNamedRejection(softly, request, outcome.err());
            assertClean(softly, request.name(), outcome);
        }
        softly.assertAll();
        System.err.printf("bad input, reelforge validate: %d inputs%n", corpus.size());
    }

    @Test
    void run_filesAndExtremes_recordTheJobRejectedAndWriteNothingOutsideTheTenant() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int runs = 0;
        int jobs = 0;
        for (int i = 0; i < corpus.size(); i++) {
            BadRequest request = corpus.get(i);
            if (!BadInputCorpus.extreme(request)) {
                continue;
            }
            runs++;
            Outcome outcome = execute("run", "--json", "--data-dir", data.toString(), file(i).toString());

            softly.assertThat(outcome.exit())
                    .as("%s: %s", request.name(), Printable.of(outcome.all()))
                    .isEqualTo(ReelforgeCli.INVALID_INPUT);
            assertClean(softly, request.name(), outcome);
            if (oversized(request)) {
                assertNamedRejection(softly, request, outcome.err());
                continue;
            }
            JsonNode doc = JSON.readTree(outcome.out().isBlank() ? "{}" : outcome.out());
            softly.assertThat(doc.path("status").asText()).as(request.name()).isEqualTo("REJECTED");
            String reason = doc.path("reason").asText();
            softly.assertThat(request.isNamedIn(reason, UnaryOperator.identity()))
                    .as(
                            "%s: the reason names one of %s: %s",
                            request.name(), Printable.of(request.fields().toString()), Printable.of(reason))
                    .isTrue();
            String jobId = doc.path("jobId").asText();
            JobRecord job =
                    jobId.isEmpty() ? null : stack.jobStore().find(jobId).orElse(null);
            softly.assertThat(job)
                    .as("%s: job %s recorded", request.name(), doc.path("jobId").asText())
                    .isNotNull();
            if (job != null) {
                jobs++;
                softly.assertThat(job.status()).as(request.name()).isEqualTo(JobStatus.REJECTED);
                softly.assertThat(job.reason()).as(request.name()).isEqualTo(reason);
                softly.assertThat(job.tenant()).as(request.name()).isIn("demo", "unknown");
            }
        }
        softly.assertAll();

        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "requests");
        }
        assertThat(bucketKeys())
                .allSatisfy(key -> assertThat(key).matches(TENANT_KEY).doesNotContain(".."));
        System.err.printf(
                "bad input, reelforge run: %d inputs, %d jobs recorded REJECTED, %d bucket keys%n",
                runs, jobs, bucketKeys().size());
    }

    @Test
    void run_unreadableRequestFiles_exitTwoNamingTheFileAndOpenNoJob() throws IOException {
        Path notUtf8 = Files.write(
                root.resolve("latin1.json"), "{\"prompt\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path directory = Files.createDirectories(root.resolve("a-directory.json"));
        Path missing = root.resolve("missing.json");
        Path huge = Files.write(root.resolve("huge.json"), new byte[(int) RequestFile.MAX_BYTES + 1]);
        try {
            for (Path file : List.of(notUtf8, directory, missing, huge)) {
                for (String command : List.of("run", "validate")) {
                    Outcome outcome = command.equals("run")
                            ? execute("run", "--data-dir", data.toString(), file.toString())
                            : execute("validate", file.toString());

                    assertThat(outcome.exit()).as("%s %s", command, file).isEqualTo(ReelforgeCli.INVALID_INPUT);
                    assertThat(outcome.err())
                            .as("%s %s", command, file)
                            .startsWith("rejected: " + file)
                            .doesNotContain("\tat ");
                    assertThat(outcome.err()).as("no job opened").doesNotContain("recorded as");
                }
            }
        } finally {
            Files.delete(notUtf8);
            Files.delete(directory);
            Files.delete(huge);
        }
    }

    private static List<String> bucketKeys() throws IOException {
        Path bucket = stack.bucketDirectory();
        List<String> keys = new ArrayList<>();
        if (Files.isDirectory(bucket)) {
            try (Stream<Path> files = Files.walk(bucket)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> keys.add(bucket.relativize(f).toString()));
            }
        }
        return keys;
    }
}
