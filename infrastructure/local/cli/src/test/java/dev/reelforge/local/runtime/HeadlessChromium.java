package dev.reelforge.local.runtime;

import dev.reelforge.local.testing.MissingTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} driven headless, to prove a report page renders. Installed with apt-get when missing
 * and we are root (as infrastructure/local/native-deps.sh does for libpulse0). When there is none and it cannot be
 * installed, the calling test fails in CI and is skipped elsewhere, with the reason ({@link MissingTool}).
 * {@code REELFORGE_CHROMIUM=/path/to/chromium} chooses the binary; then nothing is looked up or installed.
 */
final class HeadlessChromium {
    static final String BINARY_VARIABLE = "REELFORGE_CHROMIUM";
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    static HeadlessChromium locateOrInstall() throws IOException, InterruptedException {
        String chosen = System.getenv(BINARY_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            Path binary = Path.of(chosen);
            if (!Files.isExecutable(binary)) {
                MissingTool.stop(
                        "the HTML report check in headless Chromium",
                        BINARY_VARIABLE + "=" + chosen + " is not an executable file");
            }
            return new HeadlessChromium(binary);
        }
        Path found = find();
        if (found == null
                && "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            int rc = run(
                    List.of(
                            "sh",
                            "-c",
                            "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium"
                                    + " || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium)"),
                    900);
            found = rc == 0 ? find() : null;
        }
        if (found == null) {
            MissingTool.stop(
                    "the HTML report check in headless Chromium",
                    "chromium is not installed and could not be installed (needs root and apt-get)");
        }
        return new HeadlessChromium(found);
    }

    /** The DOM after the page's load, as Chromium serialises it. */
    String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile.getParent(), "dom-", ".html");
        List<String> command = command(profile);
        command.add("--dump-dom");
        command.add(page.toUri().toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of the page at 1000×1400. */
    Path screenshot(Path page, Path profile) throws IOException, InterruptedException {
        Path png = profile.getParent().resolve("report.png");
        List<String> command = command(profile);
        command.add("--window-size=1000,1400");
        command.add("--screenshot=" + png);
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        return png;
    }

    private List<String> command(Path profile) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        return command;
    }

    private static Path find() {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        return null;
    }

    private static int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
