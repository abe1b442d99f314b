package dev.reelforge.local.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Seeded generators of the values bad input is made of: strings drawn from every corner of UTF-16 (controls,
 * bidirectional overrides, zero-width characters, lone surrogates, emoji, full-width forms, path characters),
 * numbers at and beyond the edges, and JSON values of the wrong type. The same seed gives the same values.
 */
final class OddValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ODD =
            "\u0000\u0007\u0008\u001b\u007f\u0085\u00ad\u200b\u200d\u202a\u202e\u2066\u2028\ufeff\ufffd"
                    + "ﾃｽﾄＡａ０：／．é\u0301ß\u0130ı";
    private static final String PATH = "./\\%:~$*?<>|\"'` \t\n";
    private static final List<String> EMOJI = List.of("😀", "👩‍👩‍👧", "🇺🇳", "\ud800", "\udfff", "\udbff\udfff");

    private final Random random;

    OddValues(Random random) {
        this.random = random;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string of up to {@code max} characters from every class above, and plain ASCII. */
    String string(int min, int max) {
        int length = between(min, max);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(ODD.charAt(random.nextInt(ODD.length())));
                case 1 -> text.append(PATH.charAt(random.nextInt(PATH.length())));
                case 2 -> text.append(pick(EMOJI));
                case 3 -> text.append((char) random.nextInt(0x10000));
                default -> text.append((char) between(0x20, 0x7e));
            }
        }
        return text.length() > max ? text.substring(0, max) : text.toString();
    }

    String string(int min, int max, Predicate<String> keep) {
        while (true) {
            String value = string(min, max);
            if (keep.test(value)) {
                return value;
            }
        }
    }

    /** A string with at least one character no id may hold, among path-like and ordinary characters. */
    String pathLike() {
        String around = "./\\%-_aZ09";
        String forbidden = "/\\%: \u0000\u001b\u202e\u200dＡ";
        StringBuilder text = new StringBuilder(pick(List.of("", "../", "../../", "..\\", "%2e%2e/", "/")));
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(around.charAt(random.nextInt(around.length())));
        }
        text.insert(random.nextInt(text.length() + 1), forbidden.charAt(random.nextInt(forbidden.length())));
        return text.toString();
    }

    int integer(IntPredicate keep) {
        while (true) {
            int value = switch (random.nextInt(3)) {
                case 0 -> random.nextInt();
                case 1 -> between(-100, 100);
                default -> pick(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0));
            };
            if (keep.test(value)) {
                return value;
            }
        }
    }

    double number(double min, double max, DoublePredicate keep) {
        while (true) {
            double value = switch (random.nextInt(3)) {
                case 0 -> min + (max - min) * random.nextDouble();
                case 1 -> Math.round((min + (max - min) * random.nextDouble()) * 100) / 100.0;
                default -> random.nextBoolean() ? min : max;
            };
            if (keep.test(value)) {
                return value;
            }
        }
    }

    /** null, a boolean, a number, an empty object or array: anything but a string. */
    JsonNode notAString() {
        return pick(List.of(
                NODES.nullNode(),
                NODES.booleanNode(random.nextBoolean()),
                NODES.numberNode(random.nextInt()),
                NODES.numberNode(random.nextDouble() * 1e300),
                NODES.objectNode(),
                NODES.arrayNode()));
    }

    /** null, a boolean, a string, an empty object or array: anything but a number. */
    JsonNode notANumber() {
        return pick(List.of(
                NODES.nullNode(),
                NODES.booleanNode(random.nextBoolean()),
                NODES.textNode(string(0, 12)),
                NODES.textNode("6"),
                NODES.objectNode(),
                NODES.arrayNode()));
    }
}
