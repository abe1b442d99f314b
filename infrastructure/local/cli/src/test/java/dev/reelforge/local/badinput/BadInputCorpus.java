package dev.reelforge.local.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bad requests every entry point must refuse by name: the hand-written files under
 * {@code src/test/resources/bad-input} (malformed JSON, wrong types, path traversal, odd unicode), the repository's
 * own {@code events/requests/invalid-*.json}, and seeded generations ({@link OddValues}: arbitrary text, one field of
 * a good request set to a value its schema forbids, unknown fields with arbitrary names, nesting up to 20,000 deep,
 * oversized prompts). The same list, in the same order, on every run, for the CLI and for {@code reelforge serve}.
 */
public final class BadInputCorpus {
    public static final long SEED = 20261201L;
    private static final Path FILES = Path.of("src/test/resources/bad-input");
    private static final Path EVENTS = Path.of("../../../events/requests");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "tenant",
            "clientRequestId",
            "prompt",
            "audioCues",
            "settings",
            "provider",
            "budgetUsd",
            "maxAttempts",
            "onGiveUp",
            "defects",
            "defectsPersist",
            "continuous",
            "review");

    private BadInputCorpus() {}

    /**
     * One bad request, as it arrives after a trip through UTF-8 (a file, an HTTP body): lone surrogates are '?'.
     *
     * @param fields the fields a rejection may name (one of them must be named; {@code $} is the whole document)
     */
    public record BadRequest(String name, String text, Set<String> fields) {
        public BadRequest {
            text = throughUtf8(text);
            fields = fields.stream().map(BadInputCorpus::throughUtf8).collect(Collectors.toUnmodifiableSet());
        }

        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Whether {@code message} names one of {@link #fields} as the field of a problem, the way rejections are
         * written: {@code invalid request: settings.fps: …; defects[1]: …} or {@code prompt: …} (the content policy),
         * an array field with or without its index. A field's name elsewhere in the text (a quoted value, a schema
         * pattern ending in {@code $}) does not count.
         *
         * @param printed how the entry point prints a field name (the CLI escapes control and bidi characters)
         */
        public boolean isNamedIn(String message, UnaryOperator<String> printed) {
            return fields.stream()
                    .anyMatch(field -> Pattern.compile(
                                    "(?:^|: |; )" + Pattern.quote(printed.apply(field)) + "(?:\\[[0-9]+])*: ")
                            .matcher(message)
                            .find());
        }
    }

    /** Every bad request: files first, then the generated ones. */
    public static List<BadRequest> requests() {
        List<BadRequest> all = new ArrayList<>(files());
        all.addAll(generated());
        return List.copyOf(all);
    }

    /** The hand-written files and the repository's invalid samples. */
    public static List<BadRequest> files() {
        List<BadRequest> files = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(FILES.resolve("index.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String fields = JSON.readValue("\"" + parts[1] + "\"", String.class);
                files.add(new BadRequest(
                        parts[0], Files.readString(FILES.resolve(parts[0])), Set.of(fields.split("\\|"))));
            }
            files.add(event("invalid-aspect-ratio.json", "settings.aspectRatio"));
            files.add(event("invalid-duration.json", "settings.durationSeconds"));
            files.add(event("invalid-hybrid-style.json", "settings.style"));
            files.add(event("invalid-malformed.json", "$"));
            files.add(event("invalid-real-person.json", "prompt"));
            files.add(event("invalid-retired-model.json", "provider.model"));
            files.add(event("invalid-unknown-field.json", "setings"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static BadRequest event(String file, String field) throws IOException {
        return new BadRequest("events/" + file, Files.readString(EVENTS.resolve(file)), Set.of(field));
    }

    /** The generated requests, from {@link #SEED}. */
    public static List<BadRequest> generated() {
        OddValues odd = new OddValues(new Random(SEED));
        List<BadRequest> out = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            out.add(new BadRequest("text-" + i, odd.string(0, 200), Set.of("$")));
        }
        List<Mutation> mutations = mutations(odd);
        for (int i = 0; i < 260; i++) {
            Mutation mutation = mutations.get(i % mutations.size());
            ObjectNode request = good("gen-" + i);
            mutation.apply().accept(request, mutation.value().get());
            out.add(new BadRequest("mutation-" + i + "-" + mutation.field(), write(request), Set.of(mutation.field())));
        }
        for (int i = 0; i < 60; i++) {
            String name = odd.string(1, 24, n -> !KNOWN_FIELDS.contains(n));
            out.add(new BadRequest("unknown-field-" + i, write(good("uf-" + i).put(name, 1)), Set.of(name)));
        }
        for (int depth : new int[] {2, 10, 100, 500, 999, 1000, 1001, 2000, 5000, 20000}) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            out.add(new BadRequest(
                    "nested-prompt-" + depth,
                    write(good("np")).replaceFirst("\"prompt\":\"[^\"]*\"", "\"prompt\":" + arrays),
                    Set.of("prompt", "$")));
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            out.add(new BadRequest(
                    "nested-settings-" + depth,
                    write(good("ns")).replaceFirst("\"settings\":\\{[^}]*}", "\"settings\":" + objects),
                    Set.of("settings.a", "$")));
        }
        out.add(new BadRequest(
                "prompt-4001",
                write(good("long")
                        .put("prompt", "a heavy mug falls ".repeat(223).substring(0, 4001))),
                Set.of("prompt")));
        out.add(new BadRequest(
                "prompt-70k",
                write(good("huge").put("prompt", "ﾃｽﾄ a mug falls. ".repeat(4200))),
                Set.of("prompt", "$")));
        out.add(new BadRequest("cues-21", write(cues(good("cues"), 21)), Set.of("audioCues")));
        return out;
    }

    /** A request that passes validation; the generators break one field of it. */
    public static ObjectNode good(String clientRequestId) {
        ObjectNode request = JSON.createObjectNode()
                .put("tenant", "demo")
                .put("clientRequestId", clientRequestId)
                .put(
                        "prompt",
                        "A heavy 300 g glass jar rolls off a wooden shelf. Camera: locked-off tripod.\n"
                                + "00:00-00:03: it rolls.\n00:03-00:06: it falls and lands.\nAudio: thud at 00:04.2");
        request.putObject("settings")
                .put("durationSeconds", 6)
                .put("aspectRatio", "9:16")
                .put("resolution", "360p");
        return request;
    }

    /** One field of a good request and a generator of values its schema forbids there. */
    private record Mutation(String field, Supplier<JsonNode> value, BiConsumer<ObjectNode, JsonNode> apply) {}

    private static List<Mutation> mutations(OddValues odd) {
        Supplier<JsonNode> pathLike = () -> odd.between(0, 3) == 0 ? odd.notAString() : NODES.textNode(odd.pathLike());
        return List.of(
                new Mutation("tenant", pathLike, (r, v) -> r.set("tenant", v)),
                new Mutation("clientRequestId", pathLike, (r, v) -> r.set("clientRequestId", v)),
                new Mutation(
                        "prompt",
                        () -> switch (odd.between(0, 2)) {
                            case 0 -> NODES.textNode(odd.string(0, 4));
                            case 1 -> NODES.textNode("ﾃｽﾄ\u202e\u0000 mug ".repeat(odd.between(401, 600)));
                            default -> odd.notAString();
                        },
                        (r, v) -> r.set("prompt", v)),
                new Mutation(
                        "settings.durationSeconds",
                        () -> switch (odd.between(0, 2)) {
                            case 0 -> NODES.numberNode(odd.number(-1e308, 4.999, d -> d < 5));
                            case 1 -> NODES.numberNode(odd.number(10.0001, 1e308, d -> d > 10));
                            default -> odd.notANumber();
                        },
                        (r, v) -> r.withObject("settings").set("durationSeconds", v)),
                new Mutation(
                        "settings.aspectRatio",
                        () -> NODES.textNode(odd.string(0, 12, s -> !s.equals("9:16") && !s.equals("16:9"))),
                        (r, v) -> r.withObject("settings").set("aspectRatio", v)),
                new Mutation(
                        "settings.fps",
                        () -> NODES.numberNode(odd.integer(n -> n != 24 && n != 25 && n != 30)),
                        (r, v) -> r.withObject("settings").set("fps", v)),
                new Mutation(
                        "settings.variations",
                        () -> odd.between(0, 1) == 0
                                ? NODES.numberNode(odd.integer(n -> n < 1 || n > 4))
                                : NODES.numberNode(odd.number(1.01, 3.99, d -> d != Math.rint(d))),
                        (r, v) -> r.withObject("settings").set("variations", v)),
                new Mutation(
                        "settings.resolution",
                        () -> NODES.textNode(odd.string(
                                0,
                                8,
                                s -> !Set.of("360p", "480p", "720p", "1080p").contains(s))),
                        (r, v) -> r.withObject("settings").set("resolution", v)),
                new Mutation(
                        "budgetUsd",
                        () -> switch (odd.between(0, 2)) {
                            case 0 -> NODES.numberNode(odd.number(-1e9, -0.001, d -> d < 0));
                            case 1 -> NODES.numberNode(odd.number(1000.01, 1e300, d -> d > 1000));
                            default -> odd.notANumber();
                        },
                        (r, v) -> r.set("budgetUsd", v)),
                new Mutation(
                        "maxAttempts",
                        () -> NODES.numberNode(odd.integer(n -> n < 1 || n > 5)),
                        (r, v) -> r.set("maxAttempts", v)),
                new Mutation(
                        "onGiveUp",
                        () -> NODES.textNode(odd.string(0, 12, s -> !s.equals("fail") && !s.equals("accept-best"))),
                        (r, v) -> r.set("onGiveUp", v)),
                new Mutation(
                        "provider.name",
                        pathLike,
                        (r, v) -> r.putObject("provider").set("name", v)),
                new Mutation(
                        "defects",
                        () -> {
                            ArrayNode defects = NODES.arrayNode();
                            for (int i = odd.between(1, 4); i > 0; i--) {
                                defects.add("explode" + odd.string(0, 12));
                            }
                            return defects;
                        },
                        (r, v) -> r.set("defects", v)));
    }

    private static ObjectNode cues(ObjectNode request, int count) {
        ArrayNode cues = request.putArray("audioCues");
        for (int i = 0; i < count; i++) {
            cues.add("tap at 00:0" + (i % 6));
        }
        return request;
    }

    private static String throughUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /**
     * The requests worth a whole {@code reelforge run} each (a few hundred milliseconds on the local stack): every
     * file, and the generated extremes (deepest nesting, largest documents); the rest go through {@code validate}.
     */
    public static boolean extreme(BadRequest request) {
        return request.name().endsWith(".json")
                || !request.name().matches("(text|mutation|unknown-field)-.*")
                        && !request.name().matches("nested-.*-(2|10|100|500|999|2000|5000)");
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
