package dev.reelforge.core.validation;

import dev.reelforge.core.error.InvalidRequestException.Problem;
import dev.reelforge.core.request.RenderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conservative envelope creators learned the hard way: one style per clip (hybrids smear, whether the mix is in
 * {@code settings.style} or in the prompt's words, {@link StyleFamilies}), and no crowds
 * (generators clone and merge faces beyond a handful of people). The schema already bounds sizes and durations.
 */
final class SettingsPolicy {
    static final int MAX_PEOPLE = 5;
    private static final Pattern HYBRID_STYLE =
            Pattern.compile("[+/&]|\\b(and|x|meets|mixed|hybrid|fusion|mashup|with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CROWD = Pattern.compile(
            "\\b(crowds?|hundreds of|thousands of|dozens of|stadium full|army of|packed audience|mob of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTED_PEOPLE = Pattern.compile(
            "\\b(\\d+|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty)\\s+(people|persons|dancers|soldiers|men|women|figures|workers|players|guests)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> SMALL_NUMBERS =
            List.of("six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "fifty");

    List<Problem> check(RenderRequest request) {
        List<Problem> problems = new ArrayList<>();
        String style = request.settings().style();
        if (HYBRID_STYLE.matcher(style).find()) {
            problems.add(new Problem(
                    "settings.style", "'" + style + "' mixes styles; pick one style per clip (hybrid styles smear)"));
        }
        Map<String, String> promptStyles = StyleFamilies.askedFor(request.prompt());
        if (promptStyles.size() > 1) {
            problems.add(new Problem(
                    "prompt",
                    "'" + String.join("' and '", promptStyles.values()) + "' mix styles ("
                            + String.join(" + ", promptStyles.keySet())
                            + "); pick one style per clip (hybrid styles smear)"));
        }
        var crowd = CROWD.matcher(request.prompt());
        if (crowd.find()) {
            problems.add(new Problem(
                    "prompt",
                    "'" + crowd.group() + "' asks for a crowd; keep to " + MAX_PEOPLE
                            + " or fewer people and name each one (generators clone faces in crowds)"));
        }
        var counted = COUNTED_PEOPLE.matcher(request.prompt());
        while (counted.find()) {
            String n = counted.group(1).toLowerCase(Locale.ROOT);
            int count = SMALL_NUMBERS.contains(n) ? MAX_PEOPLE + 1 : Integer.parseInt(n);
            if (count > MAX_PEOPLE) {
                problems.add(new Problem(
                        "prompt",
                        "'" + counted.group() + "' exceeds the crowd limit of " + MAX_PEOPLE
                                + " people; reduce the number and name each person"));
            }
        }
        return problems;
    }
}
