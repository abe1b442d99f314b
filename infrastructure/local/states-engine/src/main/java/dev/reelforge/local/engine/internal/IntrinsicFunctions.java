package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Evaluates intrinsic function trees. Any misuse (wrong arity or type, missing path) raises
 * States.Runtime, which is how AWS reports intrinsic failures in execution history.
 */
public final class IntrinsicFunctions {
    private static final Map<String, String> HASH_ALGORITHMS =
            Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");
    private static final int MAX_RANGE = 1000;
    private static final int MAX_BASE64_INPUT = 10_000;

    private IntrinsicFunctions() {}

    public static JsonNode evaluate(IntrinsicExpr expr, PathScope scope) {
        if (expr instanceof IntrinsicExpr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof IntrinsicExpr.Text text) {
            return TextNode.valueOf(text.value());
        }
        if (expr instanceof IntrinsicExpr.PathRef ref) {
            return scope.find(ref.path())
                    .orElseThrow(() -> failure("The JSONPath '" + ref.path() + "' could not be found in the input"));
        }
        return call((IntrinsicExpr.Call) expr, scope);
    }

    private static JsonNode call(IntrinsicExpr.Call call, PathScope scope) {
        List<JsonNode> args = new ArrayList<>();
        for (IntrinsicExpr arg : call.arguments()) {
            args.add(evaluate(arg, scope));
        }
        Args a = new Args(call.function(), args);
        return switch (call.function()) {
            case "States.Format" -> TextNode.valueOf(format(call, args));
            case "States.StringToJson" -> parseJson(a.arity(1).text(0));
            case "States.JsonToString" -> TextNode.valueOf(Json.write(a.arity(1).get(0)));
            case "States.Array" -> Json.MAPPER.createArrayNode().addAll(args);
            case "States.ArrayPartition" -> Arrays.partition(a.arity(2).array(0), a.integer(1));
            case "States.ArrayContains" ->
                BooleanNode.valueOf(Arrays.contains(a.arity(2).array(0), a.get(1)));
            case "States.ArrayRange" -> Arrays.range(a.arity(3).integer(0), a.integer(1), a.integer(2), MAX_RANGE);
            case "States.ArrayGetItem" -> Arrays.item(a.arity(2).array(0), a.integer(1));
            case "States.ArrayLength" -> IntNode.valueOf(a.arity(1).array(0).size());
            case "States.ArrayUnique" -> Arrays.unique(a.arity(1).array(0));
            case "States.Base64Encode" ->
                TextNode.valueOf(Base64.getEncoder()
                        .encodeToString(a.arity(1).limited(0, MAX_BASE64_INPUT).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" ->
                TextNode.valueOf(decodeBase64(a.arity(1).limited(0, MAX_BASE64_INPUT)));
            case "States.Hash" -> TextNode.valueOf(hash(a.arity(2).get(0), a.text(1)));
            case "States.JsonMerge" -> merge(a.arity(3).object(0), a.object(1), a.bool(2));
            case "States.MathRandom" -> IntNode.valueOf(random(a, scope.random()));
            case "States.MathAdd" -> IntNode.valueOf(Math.addExact(a.arity(2).truncated(0), a.truncated(1)));
            case "States.StringSplit" -> split(a.arity(2).text(0), a.text(1));
            case "States.UUID" -> {
                a.arity(0);
                yield TextNode.valueOf(uuid(scope.random()));
            }
            default -> throw failure("Unknown intrinsic function " + call.function());
        };
    }

    static StatesError failure(String cause) {
        return new StatesError(StatesError.RUNTIME, cause);
    }

    private static String format(IntrinsicExpr.Call call, List<JsonNode> args) {
        if (call.arguments().isEmpty() || !(call.arguments().get(0) instanceof IntrinsicExpr.Text template)) {
            throw failure("States.Format needs a string literal template as its first argument");
        }
        StringBuilder out = new StringBuilder();
        String raw = template.raw();
        int next = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("States.Format has more placeholders than arguments");
                }
                JsonNode arg = args.get(next++);
                out.append(formatted(arg));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("States.Format has more arguments than placeholders");
        }
        return out.toString();
    }

    /**
     * How States.Format prints an argument: a string as it is, an object as a Java map prints ({@code {a=1, b=[]}}),
     * other values as JSON, which is what AWS prints.
     */
    private static String formatted(JsonNode arg) {
        if (arg.isTextual()) {
            return arg.textValue();
        }
        return arg.isObject() ? javaStyle(arg) : Json.write(arg);
    }

    private static String javaStyle(JsonNode value) {
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.fields().forEachRemaining(e -> entries.add(e.getKey() + "=" + javaStyle(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(javaStyle(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        return value.isTextual() ? value.textValue() : Json.write(value);
    }

    private static JsonNode parseJson(String text) {
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            throw failure("States.StringToJson could not parse its argument: " + e.getOriginalMessage());
        }
    }

    private static String decodeBase64(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw failure("States.Base64Decode: invalid base64 input");
        }
    }

    static String hash(JsonNode data, String algorithm) {
        String jca = HASH_ALGORITHMS.get(algorithm);
        if (jca == null) {
            throw failure("States.Hash does not support the algorithm " + algorithm);
        }
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode merge(ObjectNode left, ObjectNode right, boolean deep) {
        ObjectNode result = left.deepCopy();
        right.fields().forEachRemaining(entry -> {
            JsonNode existing = result.get(entry.getKey());
            if (deep && existing instanceof ObjectNode l && entry.getValue() instanceof ObjectNode r) {
                result.set(entry.getKey(), merge(l, r, true));
            } else {
                result.set(entry.getKey(), entry.getValue());
            }
        });
        return result;
    }

    private static int random(Args a, RandomGenerator engineRandom) {
        if (a.values().size() != 2 && a.values().size() != 3) {
            throw failure("States.MathRandom takes 2 or 3 arguments");
        }
        int start = a.integer(0);
        int end = a.integer(1);
        if (end <= start) {
            throw failure("States.MathRandom needs start < end");
        }
        if (a.values().size() == 3) {
            return new Random(a.integer(2)).nextInt(start, end);
        }
        synchronized (engineRandom) {
            return engineRandom.nextInt(start, end);
        }
    }

    private static ArrayNode split(String text, String delimiters) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (current.length() > 0) {
                    out.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    static String uuid(RandomGenerator random) {
        long most;
        long least;
        synchronized (random) {
            most = random.nextLong();
            least = random.nextLong();
        }
        most = (most & ~0xF000L) | 0x4000L;
        least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
