package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ContentRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses what we will not render — real people, minors, copyrighted characters and music — before any money is
 * spent. Rules are data ({@code content-policy.json}) so a deployer can extend them; each refusal quotes the term
 * that matched and says how to rewrite the prompt. Thread-safe.
 */
public final class ContentPolicy {
    private static final String RESOURCE = "/dev/reelforge/core/content-policy.json";

    private final List<Rule> rules;

    private ContentPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ContentPolicy load(ObjectMapper json) {
        try (InputStream in = ContentPolicy.class.getResourceAsStream(RESOURCE)) {
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : json.readTree(in).path("rules")) {
                List<Pattern> patterns = new ArrayList<>();
                rule.path("terms")
                        .forEach(t -> patterns.add(
                                Pattern.compile("\\b" + Pattern.quote(t.asText()) + "\\b", Pattern.CASE_INSENSITIVE)));
                rule.path("patterns").forEach(p -> patterns.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE)));
                rules.add(new Rule(
                        rule.get("name").asText(),
                        rule.get("reason").asText(),
                        rule.get("fix").asText(),
                        patterns));
            }
            return new ContentPolicy(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("content policy missing from the classpath", e);
        }
    }

    /** @throws ContentRejectedException naming the field, the rule and the matched words */
    public void check(String field, String text) {
        firstViolation(text).ifPresent(v -> {
            throw new ContentRejectedException(field + ": " + v.rule().reason() + " ('" + v.matched() + "'); "
                    + v.rule().fix());
        });
    }

    Optional<Violation> firstViolation(String text) {
        for (Rule rule : rules) {
            for (Pattern pattern : rule.patterns()) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return Optional.of(new Violation(rule, m.group()));
                }
            }
        }
        return Optional.empty();
    }

    record Rule(String name, String reason, String fix, List<Pattern> patterns) {}

    record Violation(Rule rule, String matched) {}
}
