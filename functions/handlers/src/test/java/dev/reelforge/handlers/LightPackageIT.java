package dev.reelforge.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The light Lambda package, as built into {@code target/lambda} and shipped by {@code sam build} for Validate,
 * Submit and Poll (hosted providers), PostProcess, Finalize, RecordFailure and Ingest: it must hold no FFmpeg,
 * no JavaCPP and no native library, and every class of ours in it must find what it uses inside the package.
 */
class LightPackageIT {
    private static final Path PACKAGE = Path.of("target/lambda");
    private static final Pattern NATIVE =
            Pattern.compile("(^|/)(ffmpeg|ffprobe)(\\.exe)?$|\\.(so|dylib|dll|jnilib)(\\.[0-9.]+)?$");
    private static final List<String> FORBIDDEN_PREFIXES =
            List.of("org/bytedeco/", "dev/reelforge/media/", "dev/reelforge/providers/animatic/");
    private static final List<String> LIGHT_HANDLERS =
            List.of("Validate", "Submit", "Poll", "PostProcess", "Finalize", "RecordFailure", "Ingest");

    @Test
    void lightPackage_holdsEveryLightHandlerAndNoReviewScore() {
        for (String handler : LIGHT_HANDLERS) {
            assertThat(PACKAGE.resolve("dev/reelforge/handlers/" + handler + "Handler.class"))
                    .as(handler)
                    .isRegularFile();
        }
        assertThat(PACKAGE.resolve("dev/reelforge/handlers/ReviewScoreHandler.class"))
                .doesNotExist();
    }

    @Test
    void lightPackage_containsNoFfmpegJavacppOrNativeLibrary() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : files(PACKAGE)) {
            String name = PACKAGE.relativize(file).toString().replace('\\', '/');
            if (isForbidden(name)) {
                offenders.add(name);
            }
            if (name.endsWith(".jar")) {
                if (name.matches("lib/(ffmpeg|javacpp)-.*")) {
                    offenders.add(name);
                }
                try (ZipFile jar = new ZipFile(file.toFile())) {
                    jar.stream()
                            .map(entry -> entry.getName())
                            .filter(LightPackageIT::isForbidden)
                            .forEach(entry -> offenders.add(name + "!/" + entry));
                }
            }
        }
        assertThat(files(PACKAGE.resolve("lib")))
                .as("the package's lib/")
                .isNotEmpty()
                .anyMatch(jar -> jar.getFileName().toString().startsWith("slf4j-simple-"));
        assertThat(files(PACKAGE.resolve("lib")))
                .as("the logging configuration, in the composition root's jar")
                .filteredOn(jar -> jar.getFileName().toString().startsWith("reelforge-wiring-"))
                .singleElement()
                .satisfies(jar -> {
                    try (ZipFile wiring = new ZipFile(jar.toFile())) {
                        assertThat(wiring.getEntry("simplelogger.properties")).isNotNull();
                    }
                });
        assertThat(offenders)
                .as("FFmpeg, JavaCPP, media or native files in the light package")
                .isEmpty();
    }

    @Test
    void lightPackage_jarsAreStoredAndHoldTheirArtifactsBytes() throws IOException {
        Map<String, Path> artifacts = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar")) {
                artifacts.put(path.getFileName().toString(), path);
            }
        }
        List<String> compared = new ArrayList<>();
        for (Path jar : files(PACKAGE.resolve("lib"))) {
            String name = jar.getFileName().toString();
            try (ZipFile shipped = new ZipFile(jar.toFile())) {
                assertThat(shipped.stream())
                        .as("%s: entries the cold JVM would inflate", name)
                        .allMatch(entry -> entry.getMethod() == ZipEntry.STORED);
                Path artifact = artifacts.get(name);
                if (artifact == null) {
                    assertThat(name)
                            .as("a third-party jar missing from the test classpath")
                            .startsWith("reelforge-");
                    continue;
                }
                try (ZipFile original = new ZipFile(artifact.toFile())) {
                    assertThat(shipped.stream().map(LightPackageIT::signature))
                            .as(name)
                            .containsExactlyElementsOf(original.stream()
                                    .map(LightPackageIT::signature)
                                    .toList());
                }
                compared.add(name);
            }
        }
        assertThat(compared).as("jars compared with their Maven artifacts").hasSizeGreaterThan(20);
    }

    private static String signature(ZipEntry entry) {
        return entry.getName() + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc());
    }

    @Test
    void lightPackage_ourClassesFindEveryDependencyInThePackage() throws IOException {
        ToolProvider jdeps =
                ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        List<Path> jars = files(PACKAGE.resolve("lib"));
        String classPath = String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList());
        List<String> args = new ArrayList<>(
                List.of("--multi-release", "17", "--missing-deps", "--class-path", classPath, PACKAGE.toString()));
        jars.stream()
                .filter(jar -> jar.getFileName().toString().startsWith("reelforge-"))
                .map(Path::toString)
                .forEach(args::add);
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(out, true), args.toArray(String[]::new));

        assertThat(status).as("jdeps %s%n%s", args, out).isZero();
        assertThat(out.toString().lines().filter(line -> line.contains("not found")))
                .as("classes of ours that reference a class missing from the light package")
                .isEmpty();
    }

    private static boolean isForbidden(String name) {
        return FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)
                || NATIVE.matcher(name).find();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
