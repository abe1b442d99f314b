package dev.reelforge.core.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the subjects of a prompt: the nouns of a vocabulary of things clips show (cups and mugs, balls, bottles,
 * boxes and products, people, animals, …), each with the colour, material and weight written in its noun phrase or
 * in the parenthesis after it ("a mug (about 350 g, glazed stoneware)"), how many there are, and into how many pieces
 * it breaks. A noun seen again ("the mug") is the same subject; surfaces and places are the setting's, not subjects.
 */
final class SubjectReader {
    private static final String NOUNS =
            "mug|cup|teacup|glass|wine glass|tumbler|bottle|jar|vase|bowl|plate|can|kettle|teapot"
                    + "|ball|basketball|football|soccer ball|tennis ball|marble|balloon|egg|apple|orange|lemon|tomato|melon|watermelon"
                    + "|box|package|parcel|gift|crate|product|perfume bottle|phone|smartphone|wristwatch|sneaker|shoe|headphones"
                    + "|book|lamp|candle|chair|toy|block|brick|dice|coin|spoon|fork|knife|pen|pencil|laptop|robot|soda can|tin can"
                    + "|car|bicycle|bike|skateboard|umbrella|hat|bag|backpack|suitcase|paper plane|leaf|feather|rock|pebble"
                    + "|women|men|children|kid|people|" + Subject.PEOPLE_NOUNS
                    + "|puppy|kitten|bunny|retriever|labrador|poodle|terrier|corgi|husky|beagle|dachshund|spaniel|tabby|"
                    + Subject.ANIMAL_NOUNS + "|" + Subject.BIRD_NOUNS;
    private static final Pattern NOUN = Pattern.compile("\\b(" + NOUNS + ")(?:e?s)?\\b");
    private static final Pattern NOUN_NEXT =
            Pattern.compile("\\s+(?:" + NOUNS + "|" + LookReader.SURFACE_NOUNS + ")(?:e?s)?\\b");
    private static final Pattern ONE_MORE_WORD = Pattern.compile("^\\s+\\p{L}+(?=\\s*\\()");
    private static final Pattern NAMED_AFTER =
            Pattern.compile("^\\s*,?\\s+(?:named|called)\\s+(\\p{Lu}\\p{Ll}{1,15})\\b");
    private static final Pattern NAMED_BEFORE =
            Pattern.compile("\\b(\\p{Lu}\\p{Ll}{1,15}),\\s+(?:a|an|the|our|his|her)\\s+" + "(?:[\\p{L}-]+\\s+){0,3}$");
    /** Capitalised words that open a sentence or a label rather than name someone. */
    private static final Pattern NOT_NAMES = Pattern.compile("Then|Now|Here|There|Later|Meanwhile|Suddenly|Finally|Next"
            + "|First|Second|Third|Camera|Audio|Sound|Shot|Scene|Frames?|Close|Wide|Medium|Outside|Inside|Nearby|Beside"
            + "|Behind|Slowly|Quickly|Again|Still|Soon|Today|Tonight|Morning|Evening|Afterwards|Style|Lighting|Action");

    private static final Pattern ANOTHER = Pattern.compile("\\b(another|other|second|third|fourth|fifth)\\b");
    private static final Pattern PEOPLE = Pattern.compile(Subject.PEOPLE_NOUNS + "|kid");
    private static final Pattern COLOUR =
            Pattern.compile("\\b(white|black|red|blue|green|yellow|orange|purple|violet|pink"
                    + "|brown|gr[ae]y|silver|gold|golden|beige|teal|navy|cream|turquoise|crimson|scarlet|ivory|tan|maroon|lime"
                    + "|mint|olive|amber|cyan|magenta)\\b");
    private static final Pattern WEARING =
            Pattern.compile("^\\s*(?:\\(|,)?\\s*(?:who is\\s+|is\\s+)?(?:in|wearing|dressed in)\\b");
    private static final Pattern GARMENT =
            Pattern.compile("\\b(trench coat|t-shirt|tee|dress|gown|skirt|jacket|blazer|coat"
                    + "|raincoat|overcoat|shirt|blouse|sweater|jumper|hoodie|cardigan|vest|top|suit|tracksuit|uniform|apron|overalls"
                    + "|jumpsuit|robe|kimono|sari|trousers|pants|jeans|shorts|leggings|slacks|hat|cap|beanie|helmet|scarf|headscarf"
                    + "|shoes|boots|sneakers|sandals|heels|trainers)(?:es|s)?\\b");
    /** Where a description of what a person wears ends: the sentence, or the next person. */
    private static final Pattern CLOTHING_END =
            Pattern.compile("[.;:!?\\n]|\\b(women|men|children|people|kid|" + Subject.PEOPLE_NOUNS + ")s?\\b");
    /** Garments of one outfit follow each other closely ("a red jacket, black trousers and white sneakers"). */
    private static final int GARMENT_GAP = 28;

    private static final String CONTAINERS = "mug|cup|glass|wine glass|tumbler|bottle|jar|vase|bowl|can|kettle|teapot"
            + "|perfume bottle|soda can|tin can";
    private static final String LIQUIDS =
            "coffee|espresso|latte|tea|water|milk|wine|juice|orange juice|beer|soda|lemonade"
                    + "|cola|oil|paint|ink|soup|smoothie|liquid";
    private static final Pattern HOLDS =
            Pattern.compile("^\\s+(?:\\(\\w+\\)\\s+)?(?:of|full of|filled with|brimming with|with)\\s+"
                    + "(?:(?:hot|iced|cold|fresh|warm|red|white|black|steaming|some|spilled)\\s+)*(" + LIQUIDS
                    + ")\\b");
    private static final Pattern SPILLS =
            Pattern.compile("\\b(spill(s|ed|ing)?|splash(es|ed|ing)?|splatter(s|ed|ing)?|puddle"
                    + "|pours? out|leak(s|ed|ing)?|slosh(es|ed|ing)?)\\b");
    private static final Pattern LIQUID = Pattern.compile("\\b(" + LIQUIDS + ")\\b");
    private static final Pattern PHRASE_BREAK =
            Pattern.compile("[.,;:!?()\\[\\]\\n]|\\b(on|in|of|at|from|onto|into|under|near"
                    + "|beside|by|and|with|while|then|as|to|over|a|an|the|his|her|their|its)\\b");
    /** A noun used as a modifier of what follows ("product shot", "phone screen") is not a subject of its own. */
    private static final Pattern MODIFIES_NEXT =
            Pattern.compile("\\s+(?:shot|ad|advert|video|commercial|photo|photography"
                    + "|close-up|reveal|demo|launch|lighting|light|screen|logo|packaging|label)\\b");

    private static final Pattern PIECES =
            Pattern.compile("\\b(?:shatters?|shattering|breaks?|breaking|splits?|splitting|cracks?"
                    + "|smash(?:es)?|bursts?)\\s+(?:apart\\s+)?(?:in|into)\\s+(\\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|halves)"
                    + "(?:\\s+\\w+)?\\s*(pieces|shards|fragments|parts|chunks|halves|bits)?");
    private static final Pattern COUNT =
            Pattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|[1-9])\\s+(?:\\w+\\s+){0,3}$");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("a dozen", 12),
            Map.entry("halves", 2));

    private SubjectReader() {}

    static List<Subject> read(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        Map<String, Subject> subjects = new LinkedHashMap<>();
        Matcher noun = NOUN.matcher(text);
        List<int[]> wornSpans = new ArrayList<>();
        while (noun.find()) {
            int at = noun.start();
            if (wornSpans.stream().anyMatch(span -> at >= span[0] && at < span[1])) {
                continue;
            }
            if (NOUN_NEXT.matcher(text).region(noun.end(), text.length()).lookingAt()
                    || MODIFIES_NEXT
                            .matcher(text)
                            .region(noun.end(), text.length())
                            .lookingAt()) {
                continue;
            }
            String name = canonical(noun.group(1));
            String phrase = phraseBefore(text, noun.start());
            String aside = asideAfter(text, noun.end());
            List<Garment> worn = clothing(name, text, noun.end(), wornSpans);
            String key = personKey(subjects, name, phrase, worn);
            Subject seen = subjects.get(key);
            List<Garment> clothing = worn.isEmpty() && seen != null ? seen.clothing() : worn;
            String colour = firstColour(phrase)
                    .or(() -> worn.stream()
                            .map(Garment::colour)
                            .filter(c -> !c.isEmpty())
                            .findFirst())
                    .orElse(seen == null ? "" : seen.colour());
            String liquid = liquidHeld(name, text, noun.end(), seen);
            Material material = Material.first(phrase + " " + aside)
                    .orElse(seen != null ? seen.material() : name.endsWith("glass") ? Material.GLASS : null);
            List<Double> grams = Quantities.massesGrams(phrase + " " + aside);
            Double mass = grams.isEmpty() ? (seen == null ? null : seen.massGrams()) : grams.get(0);
            int count = seen != null ? seen.count() : count(phrase, noun.group());
            String called =
                    properName(prompt, text, name, noun.start(), noun.end()).orElse(seen == null ? "" : seen.name());
            subjects.put(
                    key,
                    new Subject(
                            name,
                            colour,
                            material,
                            mass,
                            count,
                            seen == null ? 0 : seen.pieces(),
                            clothing,
                            liquid,
                            called));
        }
        spill(text, subjects);
        int pieces = pieces(text);
        if (pieces > 1 && !subjects.isEmpty()) {
            Subject breaking = breakingSubject(subjects);
            subjects.put(
                    breaking.noun(),
                    new Subject(
                            breaking.noun(),
                            breaking.colour(),
                            breaking.material(),
                            breaking.massGrams(),
                            breaking.count(),
                            pieces,
                            breaking.clothing(),
                            breaking.liquid(),
                            breaking.name()));
        }
        return new ArrayList<>(subjects.values());
    }

    /**
     * Which subject a noun is: the one of that noun, or for a person seen again someone else when the prompt says so
     * ("another woman", "the other man") or dresses them otherwise ("a woman in a blue dress talks to a woman in a
     * green coat"); a person dressed as one already seen is that one ("the woman in the green coat").
     */
    private static String personKey(Map<String, Subject> subjects, String name, String phrase, List<Garment> worn) {
        Subject seen = subjects.get(name);
        if (seen == null || !PEOPLE.matcher(name).matches()) {
            return name;
        }
        if (!worn.isEmpty()) {
            for (Map.Entry<String, Subject> known : subjects.entrySet()) {
                if (known.getValue().noun().equals(name)
                        && known.getValue().clothing().equals(worn)) {
                    return known.getKey();
                }
            }
        }
        boolean dressedOtherwise = !worn.isEmpty() && !seen.clothing().isEmpty();
        return dressedOtherwise || ANOTHER.matcher(phrase).find() ? nextKey(subjects, name) : name;
    }

    /**
     * A person's or an animal's proper name, read in the prompt as written: "Maya, a woman in a blue dress", "a dog
     * named Rex", "a man called Tom"; none for things, or when the words before are a sentence's opening word.
     */
    private static Optional<String> properName(String prompt, String text, String noun, int start, int end) {
        if (prompt.length() != text.length()
                || !PEOPLE.matcher(noun).matches()
                        && !Subject.ANIMAL_NAMES.matcher(noun).matches()) {
            return Optional.empty();
        }
        Matcher after = NAMED_AFTER.matcher(prompt).region(end, prompt.length());
        if (after.lookingAt()) {
            return Optional.of(after.group(1));
        }
        Matcher before = NAMED_BEFORE.matcher(prompt.substring(Math.max(0, start - 50), start));
        return before.find() && !NOT_NAMES.matcher(before.group(1)).matches()
                ? Optional.of(before.group(1))
                : Optional.empty();
    }

    /** The key of a further subject with the same noun: "woman#2", "woman#3", … */
    private static String nextKey(Map<String, Subject> subjects, String name) {
        int n = 2;
        while (subjects.containsKey(name + "#" + n)) {
            n++;
        }
        return name + "#" + n;
    }

    /** The breaking subject: the first one of a brittle material, else the first one. */
    private static Subject breakingSubject(Map<String, Subject> subjects) {
        return subjects.values().stream()
                .filter(s -> s.material() == Material.CERAMIC || s.material() == Material.GLASS)
                .findFirst()
                .orElse(subjects.values().iterator().next());
    }

    private static String canonical(String noun) {
        return switch (noun) {
            case "teacup" -> "cup";
            case "puppy",
                    "retriever",
                    "labrador",
                    "poodle",
                    "terrier",
                    "corgi",
                    "husky",
                    "beagle",
                    "dachshund",
                    "spaniel" -> "dog";
            case "tabby" -> "cat";
            case "kitten" -> "cat";
            case "bunny" -> "rabbit";
            case "kid", "children" -> "child";
            case "women" -> "woman";
            case "men" -> "man";
            case "people" -> "person";
            case "bike" -> "bicycle";
            case "smartphone" -> "phone";
            default -> noun;
        };
    }

    /** The words before the noun back to the start of its noun phrase ("a heavy white ceramic "). */
    private static String phraseBefore(String text, int end) {
        int start = Math.max(0, end - 60);
        String window = text.substring(start, end);
        Matcher br = PHRASE_BREAK.matcher(window);
        int from = 0;
        while (br.find()) {
            from = br.end();
        }
        return window.substring(from);
    }

    /** A parenthesis right after the noun, or after one more word of it: "mug (about 350 g)", "ball bearing (50 g)". */
    private static String asideAfter(String text, int end) {
        String rest =
                ONE_MORE_WORD.matcher(text.substring(end)).replaceFirst("").stripLeading();
        if (rest.startsWith("(")) {
            int close = rest.indexOf(')');
            return close > 0 ? rest.substring(1, close) : "";
        }
        return "";
    }

    private static Optional<String> firstColour(String phrase) {
        Matcher m = COLOUR.matcher(phrase);
        return m.find() ? Optional.of(m.group(1).replace("grey", "gray").replace("golden", "gold")) : Optional.empty();
    }

    /**
     * What a person wears, read after their noun: "a woman in a blue dress", "a man wearing a red jacket and black
     * trousers"; empty for anything but a person, or when nothing worn is named before the sentence or the next
     * person. Where the garments are written is added to {@code wornSpans}: a worn sneaker is no subject of its own.
     */
    private static List<Garment> clothing(String noun, String text, int end, List<int[]> wornSpans) {
        if (!PEOPLE.matcher(noun).matches()
                || !WEARING.matcher(text).region(end, text.length()).lookingAt()) {
            return List.of();
        }
        Matcher stop = CLOTHING_END.matcher(text).region(end, text.length());
        String clause = text.substring(end, stop.find() ? stop.start() : text.length());
        List<Garment> worn = new ArrayList<>();
        Matcher garment = GARMENT.matcher(clause);
        int previous = 0;
        while (garment.find()) {
            if (!worn.isEmpty() && garment.start() - previous > GARMENT_GAP) {
                break;
            }
            String before = clause.substring(previous, garment.start());
            Matcher colour = COLOUR.matcher(before);
            String named = "";
            while (colour.find()) {
                named = colour.group(1).replace("grey", "gray").replace("golden", "gold");
            }
            worn.add(new Garment(garment.group(1), named));
            wornSpans.add(new int[] {end + garment.start(), end + garment.end()});
            previous = garment.end();
        }
        return worn;
    }

    /** What a container holds, named right after it ("a mug of hot coffee", "a glass filled with water"). */
    private static String liquidHeld(String noun, String text, int end, Subject seen) {
        if (!noun.matches(CONTAINERS)) {
            return "";
        }
        Matcher m = HOLDS.matcher(text).region(end, text.length());
        return m.lookingAt() ? m.group(1) : seen == null ? "" : seen.liquid();
    }

    /**
     * A prompt that spills something ("coffee splashes across the tiles", "shatter + liquid splatter") gives the liquid
     * to the first container that holds none named: the first liquid the prompt names, else plain "liquid".
     */
    private static void spill(String text, Map<String, Subject> subjects) {
        if (!SPILLS.matcher(text).find()
                || subjects.values().stream().anyMatch(s -> !s.liquid().isEmpty())) {
            return;
        }
        Matcher named = LIQUID.matcher(text);
        String liquid = named.find() ? named.group(1) : "liquid";
        subjects.values().stream()
                .filter(s -> s.noun().matches(CONTAINERS))
                .findFirst()
                .ifPresent(s -> subjects.put(
                        s.noun(),
                        new Subject(
                                s.noun(),
                                s.colour(),
                                s.material(),
                                s.massGrams(),
                                s.count(),
                                s.pieces(),
                                s.clothing(),
                                liquid,
                                s.name())));
    }

    private static int count(String phrase, String noun) {
        Matcher m = COUNT.matcher(phrase);
        if (m.find() && (noun.endsWith("s") || !m.group(1).equals("one"))) {
            String n = m.group(1);
            return NUMBERS.getOrDefault(n, n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : 1);
        }
        return 1;
    }

    private static int pieces(String text) {
        Matcher m = PIECES.matcher(text);
        if (!m.find()) {
            return 0;
        }
        String n = m.group(1);
        return NUMBERS.getOrDefault(n, n.chars().allMatch(Character::isDigit) ? Math.min(Integer.parseInt(n), 99) : 0);
    }
}
