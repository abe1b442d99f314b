package dev.reelforge.core.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visual styles a prompt can name, grouped into families ("photorealistic" and "live-action" are one look,
 * "anime" another). A prompt naming two families ("a photorealistic anime cat") asks for a hybrid, which generators
 * smear. A style named after "no", "not", "avoid", "without" or "instead of" is being ruled out, not asked for.
 */
final class StyleFamilies {
    private static final Map<String, Pattern> FAMILIES = new LinkedHashMap<>();

    static {
        family(
                "photoreal",
                "photo-?real(?:istic|ism)?|hyper-?real(?:istic|ism)?|live[- ]action|realistic style|photographic");
        family("anime", "anime|manga|ghibli(?:-style)?");
        family("cartoon", "cartoon(?:ish|y)?|toon|looney tunes");
        family("3D animation", "pixar(?:-style)?|3d[- ]animat(?:ed|ion)|cgi|3d render(?:ed)?|unreal engine");
        family("claymation", "claymation|clay animation|stop[- ]motion|plasticine");
        family("painting", "watercolou?r|oil[- ]painting|oil paint|painterly|gouache|impressionis[tm]");
        family("pixel art", "pixel[- ]art|8-bit|16-bit");
        family("drawing", "pencil sketch|sketch(?:ed)? style|line drawing|charcoal drawing|ink drawing|hand-drawn");
        family("comic", "comic[- ]book|cel[- ]shaded|graphic novel");
        family("low poly", "low[- ]poly");
    }

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:no|not|non|avoid|avoiding|without|never|instead of|rather than|anti|negative(?: prompt)?)\\b[^.;:\\n]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE_SECTION =
            Pattern.compile("\\b(?:avoid|negative(?: prompt)?|don't|do not)\\s*:[^\\n]*", Pattern.CASE_INSENSITIVE);

    private StyleFamilies() {}

    private static void family(String name, String words) {
        FAMILIES.put(name, Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE));
    }

    /** The families the text asks for, each with the words that named it first, in the order they appear. */
    static Map<String, String> askedFor(String text) {
        String wanted = NEGATIVE_SECTION.matcher(text).replaceAll(" ");
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        FAMILIES.forEach((name, pattern) -> {
            Matcher m = pattern.matcher(wanted);
            while (m.find()) {
                if (!NEGATED.matcher(wanted.substring(Math.max(0, m.start() - 40), m.start()))
                        .find()) {
                    firstAt.put(name, m.start());
                    words.put(name, m.group());
                    break;
                }
            }
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        firstAt.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> ordered.put(e.getKey(), words.get(e.getKey())));
        return ordered;
    }

    /** The families the settings' style names ({@code photoreal}, {@code anime}), usually one. */
    static List<String> ofStyle(String style) {
        return List.copyOf(askedFor(style.toLowerCase(Locale.ROOT).replace("photoreal", "photorealistic"))
                .keySet());
    }
}
