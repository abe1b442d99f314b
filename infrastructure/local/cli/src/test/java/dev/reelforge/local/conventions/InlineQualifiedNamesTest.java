package dev.reelforge.local.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JDK types are imported, not spelled out inline ({@code java.util.List.of(...)} in the middle of code), in every
 * module's sources and the bench programs. The formatter cannot enforce this, so this test does; it scans the whole
 * repository from here, as the template tests do. Comments, imports and string literals are not code and are skipped.
 */
class InlineQualifiedNamesTest {
    private static final Path ROOT = Path.of("../../..");
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])(?:java|javax)\\.[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*\\.[A-Z]");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void javaSources_importJdkTypesInsteadOfQualifyingThemInline() throws IOException {
        List<String> found = new ArrayList<>();
        for (String top : List.of("functions", "infrastructure", "bench")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(top))) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.toString().contains("/target/")
                                && !p.toString().contains("/node_modules/"))
                        .forEach(p -> found.addAll(inlineNames(p)));
            }
        }
        assertThat(found)
                .as("inline java.* / javax.* names; import them instead")
                .isEmpty();
    }

    @Test
    void theScan_findsAnInlineNameInCode_butNotInCommentsStringsOrImports() throws IOException {
        Path sample = Files.createTempFile("Sample", ".java");
        Files.writeString(
                sample,
                String.join(
                        "\n",
                        "import java.util.List;",
                        "/** {@link java.util.Map} in a comment */",
                        "class Sample {",
                        "    // java.util.Set in a line comment",
                        "    String s = \"java.lang.Exception\";",
                        "    Object o = java.util.Map.of();",
                        "}"));
        try {
            assertThat(inlineNames(sample)).hasSize(1).allMatch(line -> line.endsWith(":6"));
        } finally {
            Files.delete(sample);
        }
    }

    private static List<String> inlineNames(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("/*")) {
                inComment = true;
            }
            boolean skip = inComment
                    || line.startsWith("//")
                    || line.startsWith("*")
                    || line.startsWith("import ")
                    || line.startsWith("package ");
            if (line.contains("*/")) {
                inComment = false;
            }
            if (skip) {
                continue;
            }
            String code = STRING.matcher(line).replaceAll("\"\"");
            int comment = code.indexOf("//");
            if (comment >= 0) {
                code = code.substring(0, comment);
            }
            if (QUALIFIED.matcher(code).find()) {
                found.add(file.normalize() + ":" + (i + 1));
            }
        }
        return found;
    }
}
