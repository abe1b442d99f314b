package dev.reelforge.core.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights and distances prompts state in prose ("about 350 g", "a 2 lb weight", "12-ounce", "drops 75 cm",
 * "from three feet"), in grams and centimetres. A lens ("35 mm") is not a distance.
 */
public final class Quantities {
    private static final String NUMBER =
            "(\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half a)";
    private static final Pattern MASS = Pattern.compile(
            "\\b" + NUMBER
                    + "[\\s-]?(kg|kgs|kilos?|kilograms?|kilogrammes?|g|grams?|grammes?|lbs?|pounds?|oz|ounces?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISTANCE = Pattern.compile(
            "\\b" + NUMBER
                    + "[\\s-]?(cm|centimet(?:er|re)s?|m|met(?:er|re)s?|in\\.|inch(?:es)?|ft|feet|foot)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT_WORDS = Pattern.compile(
            "\\b(heavy|heavier|hefty|weighty|lightweight|light-weight|feather-?light|featherweight|dense|massive)\\b",
            Pattern.CASE_INSENSITIVE);

    private Quantities() {}

    /** Every weight stated in the text, in grams, in order. */
    public static List<Double> massesGrams(String text) {
        List<Double> grams = new ArrayList<>();
        Matcher m = MASS.matcher(text);
        while (m.find()) {
            grams.add(number(m.group(1)) * gramsPer(m.group(2).toLowerCase(Locale.ROOT)));
        }
        return grams;
    }

    /** Every distance stated in the text, in centimetres, in order. */
    public static List<Double> distancesCm(String text) {
        List<Double> cm = new ArrayList<>();
        Matcher m = DISTANCE.matcher(text);
        while (m.find()) {
            cm.add(number(m.group(1)) * cmPer(m.group(2).toLowerCase(Locale.ROOT)));
        }
        return cm;
    }

    /** A stated weight or a weight word ("heavy", "lightweight"). */
    public static boolean weightNamedIn(String text) {
        return !massesGrams(text).isEmpty() || WEIGHT_WORDS.matcher(text).find();
    }

    private static double gramsPer(String unit) {
        if (unit.startsWith("k")) {
            return 1000;
        }
        if (unit.startsWith("l") || unit.startsWith("p")) {
            return 453.59237;
        }
        if (unit.startsWith("o")) {
            return 28.349523125;
        }
        return 1;
    }

    private static double cmPer(String unit) {
        if (unit.startsWith("c")) {
            return 1;
        }
        if (unit.startsWith("i")) {
            return 2.54;
        }
        if (unit.startsWith("f")) {
            return 30.48;
        }
        return 100;
    }

    private static double number(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> 1;
            case "half a" -> 0.5;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Double.parseDouble(text.replace(',', '.'));
        };
    }
}
