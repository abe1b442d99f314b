package dev.reelforge.local.serve;

import dev.reelforge.local.moto.PythonInterpreter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI (awscli 1.46.2 from PyPI) in a venv under {@code ~/.cache/reelforge}, installed on first use, run with
 * an isolated config (path-style S3, us-east-1) and the endpoint variables {@code reelforge serve} prints.
 */
final class AwsCli {
    static final String VERSION = "1.46.2";
    private final Path executable;
    private final Path config;
    private final Map<String, String> environment;

    private AwsCli(Path executable, Path config, Map<String, String> environment) {
        this.executable = executable;
        this.config = config;
        this.environment = environment;
    }

    static AwsCli install(Path scratch, Map<String, String> environment) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("user.home"));
        Path venv = home.resolve(".cache/reelforge/awscli-" + VERSION);
        Path aws = venv.resolve("bin/aws");
        if (!Files.exists(venv.resolve(".complete"))) {
            Path python = PythonInterpreter.locate(home).executable();
            exec(List.of(python.toString(), "-m", "venv", "--clear", venv.toString()), Map.of(), 120);
            exec(
                    List.of(
                            venv.resolve("bin/pip").toString(),
                            "install",
                            "--quiet",
                            "--disable-pip-version-check",
                            "awscli==" + VERSION),
                    Map.of(),
                    600);
            Files.createFile(venv.resolve(".complete"));
        }
        Path config = Files.writeString(
                scratch.resolve("aws-config"),
                "[default]\nregion = us-east-1\noutput = json\n" + "s3 =\n    addressing_style = path\n");
        return new AwsCli(aws, config, environment);
    }

    /** Runs {@code aws <args>}; returns exit code, stdout and stderr. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(environment);
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                config.resolveSibling("no-credentials").toString());
        return exec(command, env, 120);
    }

    private static Result exec(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("aws-cli", ".out");
        Path err = Files.createTempFile("aws-cli", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        Result result = new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        if (!command.get(0).endsWith("aws") && result.exitCode() != 0) {
            throw new IllegalStateException("installing the AWS CLI failed: " + result.stderr());
        }
        return result;
    }

    record Result(int exitCode, String stdout, String stderr) {}
}
