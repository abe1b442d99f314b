package dev.reelforge.core.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ReelforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Retry and Catch match the Lambda errorType, which is the exception's class name: a renamed exception must break
 * the build, not silently stop matching in production.
 */
class StateMachineErrorNamesTest {
    @Test
    void everyCustomErrorEquals_namesAReelforgeExceptionClass() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../../infrastructure/statemachine"))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".asl.json")).toList()) {
                collect(new ObjectMapper().readTree(file.toFile()), names);
            }
        }
        List<String> custom = names.stream()
                .filter(n -> n.startsWith("dev.reelforge."))
                .distinct()
                .toList();

        assertThat(custom).isNotEmpty();
        assertThat(custom)
                .allSatisfy(name -> assertThat(ReelforgeException.class.isAssignableFrom(load(name)))
                        .as(name)
                        .isTrue());
        assertThat(names)
                .allSatisfy(
                        name -> assertThat(name)
                                .matches(
                                        "States\\..+|Lambda\\..+|ECS\\..+|StepFunctions\\..+|EventBridge\\..+|dev\\.reelforge\\..+"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("ErrorEquals names a missing class: " + name, e);
        }
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("ErrorEquals")) {
                    field.getValue().forEach(n -> names.add(n.asText()));
                } else {
                    collect(field.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
