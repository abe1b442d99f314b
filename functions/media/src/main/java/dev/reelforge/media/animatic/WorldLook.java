package dev.reelforge.media.animatic;

import dev.reelforge.core.scene.Light;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Subject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The look of the storyboard's one world, read from its words: the subject's colour and material, the floor's and
 * the table's surfaces, where the light comes from and how warm it is, and the colour of what the subject holds
 * (coffee, water, milk, wine, …; {@link BeatScene.Palette#NO_LIQUID} when nothing). What the prompt does not say comes from the
 * seed, and is then the same in every beat and shot.
 */
record WorldLook(
        int subject,
        Material material,
        int floor,
        int table,
        int wallTop,
        int wallBottom,
        double lightSide,
        int pieces,
        int liquid) {
    /** Named colours as creators write them (sRGB). */
    private static final Map<String, Integer> COLOURS = new LinkedHashMap<>();

    private static final Pattern COLOUR;
    private static final Pattern LIGHT_FROM = Pattern.compile(
            "\\b(?:light|lit|sun|sunlight|window|lamp|key)\\b[^.;\\n]{0,40}?\\bfrom (?:the )?(?:upper |top |lower )?(left|right)"
                    + "|\\b(left|right)[- ](?:side )?(?:window|light|lit|key)");
    private static final Pattern WARM =
            Pattern.compile("\\b(morning|golden|sunset|sunrise|warm|candle|tungsten|evening|amber)\\b");
    private static final Pattern COOL =
            Pattern.compile("\\b(overcast|moonlight|night|blue hour|cool|fluorescent|cold)\\b");
    private static final Pattern FLOOR = Pattern.compile(
            "\\b(terracotta|tiled?|tiles|marble|concrete|stone|wooden|wood|oak|carpet(?:ed)?|rug|linoleum|grass|sand)\\b[^.;,\\n]{0,20}\\bfloor"
                    + "|\\bfloor (?:of|in) (terracotta|tiles?|marble|concrete|stone|wood|oak|carpet)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(wooden|wood|oak|pine|walnut|marble|glass|metal|steel|white|black|granite|concrete)\\b[^.;,\\n]{0,20}\\b(table|counter|countertop|desk|shelf|bench)");
    private static final Pattern PIECES = Pattern.compile(
            "\\b(?:into|in) (two|three|four|five|six|seven|eight|\\d{1,2}) (?:\\w+ ){0,2}(?:pieces|shards|fragments|parts|chunks|bits)");
    private static final Map<String, Integer> LIQUIDS = Map.ofEntries(
            Map.entry("coffee", 0x4A2C18),
            Map.entry("espresso", 0x3A2212),
            Map.entry("latte", 0xB08A62),
            Map.entry("tea", 0x9A5A22),
            Map.entry("water", 0x9CC8DE),
            Map.entry("milk", 0xF4F2EC),
            Map.entry("wine", 0x6E1028),
            Map.entry("juice", 0xF0A030),
            Map.entry("orange juice", 0xF39A26),
            Map.entry("beer", 0xD9A03A),
            Map.entry("soda", 0x4A2418),
            Map.entry("cola", 0x3E1E12),
            Map.entry("lemonade", 0xF2E7A0),
            Map.entry("oil", 0xC9A83A),
            Map.entry("paint", 0x2F62C0),
            Map.entry("ink", 0x1A1A40),
            Map.entry("soup", 0xC0602A),
            Map.entry("smoothie", 0xD06A8A),
            Map.entry("liquid", 0x9CC8DE));
    private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight"};

    static {
        COLOURS.put("white", 0xF0EFEA);
        COLOURS.put("cream", 0xEFE6CF);
        COLOURS.put("ivory", 0xF3EEDC);
        COLOURS.put("beige", 0xD9C9A8);
        COLOURS.put("black", 0x26262A);
        COLOURS.put("charcoal", 0x3A3B3F);
        COLOURS.put("grey", 0x8E8F92);
        COLOURS.put("gray", 0x8E8F92);
        COLOURS.put("silver", 0xC4C7CC);
        COLOURS.put("red", 0xC8322C);
        COLOURS.put("crimson", 0xA51D2D);
        COLOURS.put("orange", 0xE57A23);
        COLOURS.put("yellow", 0xE8C534);
        COLOURS.put("gold", 0xC9A23A);
        COLOURS.put("golden", 0xC9A23A);
        COLOURS.put("green", 0x3E9A4B);
        COLOURS.put("olive", 0x7A7B36);
        COLOURS.put("teal", 0x2A8C8C);
        COLOURS.put("turquoise", 0x35B5B0);
        COLOURS.put("blue", 0x2F62C0);
        COLOURS.put("navy", 0x1F2F5E);
        COLOURS.put("purple", 0x7A3DA8);
        COLOURS.put("violet", 0x8A5CC7);
        COLOURS.put("pink", 0xE48CB0);
        COLOURS.put("brown", 0x7A5133);
        COLOURS.put("terracotta", 0xB8623B);
        COLOURS.put("copper", 0xB5693A);
        COLOURS.put("wooden", 0x9A6B41);
        COLOURS.put("wood", 0x9A6B41);
        COLOURS.put("oak", 0xB08650);
        COLOURS.put("pine", 0xC9A06A);
        COLOURS.put("walnut", 0x6B4A2F);
        COLOURS.put("marble", 0xDCDAD5);
        COLOURS.put("granite", 0x7D7B78);
        COLOURS.put("glass", 0xBFD6DC);
        COLOURS.put("metal", 0x9BA0A6);
        COLOURS.put("steel", 0x9BA0A6);
        COLOURS.put("concrete", 0x9A9893);
        COLOURS.put("stone", 0x8F8A80);
        COLOURS.put("tile", 0xC9BFAE);
        COLOURS.put("tiled", 0xC9BFAE);
        COLOURS.put("tiles", 0xC9BFAE);
        COLOURS.put("carpet", 0x6E5F5A);
        COLOURS.put("carpeted", 0x6E5F5A);
        COLOURS.put("rug", 0x7D4E45);
        COLOURS.put("linoleum", 0xB7B09A);
        COLOURS.put("grass", 0x4F8A3A);
        COLOURS.put("sand", 0xD6C08F);
        COLOURS.put("scarlet", 0xD22B2B);
        COLOURS.put("tan", 0xC8A27A);
        COLOURS.put("maroon", 0x6E1E2B);
        COLOURS.put("lime", 0x8CC63F);
        COLOURS.put("mint", 0x9ED9B8);
        COLOURS.put("amber", 0xE09A2A);
        COLOURS.put("cyan", 0x2DB7D6);
        COLOURS.put("magenta", 0xC2307E);
        COLOUR = Pattern.compile(
                "\\b(white|cream|ivory|beige|black|charcoal|grey|gray|silver|red|crimson|orange|yellow|gold|golden"
                        + "|green|olive|teal|turquoise|blue|navy|purple|violet|pink|brown|terracotta|copper)\\b");
    }

    /**
     * The look of the world that {@code plan} (core's scene plan of the storyboard, shared with review and validate)
     * and its prompt {@code text} describe: the plan's subject colour, material, pieces and light, and from the words
     * what the plan does not carry (the surfaces' colours), or what it leaves open. {@code hue} (0–1, from the seed)
     * fills in the rest. The subject is the plan's first one drawn as {@code lead} (the glass the prompt drops, not the
     * woman in a blue dress beside it), else its first.
     */
    static WorldLook of(String text, double hue, ScenePlan plan, SubjectShape lead) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] noun = SubjectShape.nounIn(lower);
        Subject planned = plan.subjects().stream()
                .filter(s -> SubjectShape.of(s) == lead)
                .findFirst()
                .orElse(plan.subjects().isEmpty() ? null : plan.subjects().get(0));
        boolean clearGlass = planned != null
                && planned.colour().isEmpty()
                && planned.material() == dev.reelforge.core.scene.Material.GLASS;
        Integer named = planned != null && COLOURS.containsKey(planned.colour())
                ? COLOURS.get(planned.colour())
                : clearGlass ? COLOURS.get("glass") : noun == null ? null : colourNear(lower, noun);
        int subject = named != null ? named : Canvas.hsv(hue + 0.5, 0.65, 0.88);
        Material material = planned != null && planned.material() != null
                ? Material.of(planned.material())
                : noun == null ? Material.PLASTIC : Material.near(lower, noun[0], noun[1]);
        Light.Warmth warmth = plan.light().warmth();
        boolean warm = warmth == Light.Warmth.WARM
                || warmth == Light.Warmth.UNSPECIFIED && WARM.matcher(lower).find();
        boolean cool = !warm
                && (warmth == Light.Warmth.COOL
                        || warmth == Light.Warmth.UNSPECIFIED
                                && COOL.matcher(lower).find());
        double wallHue = warm ? 0.09 : cool ? 0.58 : hue;
        double wallSaturation = warm || cool ? 0.22 : 0.14;
        int floor = surface(FLOOR, lower, Canvas.hsv(hue + 0.08, 0.30, 0.48));
        int table = surface(TABLE, lower, 0x9A6B41);
        double side = switch (plan.light().direction()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            default -> lightSide(lower);
        };
        int pieces = planned != null && planned.breaks() ? planned.pieces() : pieces(lower);
        int liquid = plan.subjects().stream()
                .map(Subject::liquid)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .map(l -> LIQUIDS.getOrDefault(l, LIQUIDS.get("liquid")))
                .orElse(BeatScene.Palette.NO_LIQUID);
        return new WorldLook(
                subject,
                material,
                floor,
                table,
                Canvas.hsv(wallHue, wallSaturation, 0.92),
                Canvas.hsv(wallHue + 0.02, wallSaturation + 0.06, 0.70),
                side,
                Math.max(2, Math.min(12, pieces)),
                liquid);
    }

    /** The sRGB colour of a colour word as creators write it ("navy", "terracotta"), or null for one not known. */
    static Integer colour(String name) {
        return COLOURS.get(name);
    }

    /** −1 when the light comes from the left (the default, as most key lights), +1 from the right. */
    private static double lightSide(String lower) {
        Matcher m = LIGHT_FROM.matcher(lower);
        if (!m.find()) {
            return -1;
        }
        String side = m.group(1) != null ? m.group(1) : m.group(2);
        return "right".equals(side) ? 1 : -1;
    }

    /** How many pieces a breaking subject becomes: the number the prompt states, else three. */
    private static int pieces(String lower) {
        Matcher m = PIECES.matcher(lower);
        if (!m.find()) {
            return 3;
        }
        String count = m.group(1);
        for (int i = 0; i < NUMBERS.length; i++) {
            if (NUMBERS[i].equals(count)) {
                return i;
            }
        }
        return Math.max(2, Math.min(12, Integer.parseInt(count)));
    }

    private static Integer colourNear(String lower, int[] noun) {
        Matcher m = COLOUR.matcher(lower);
        Integer best = null;
        int bestDistance = Integer.MAX_VALUE;
        while (m.find()) {
            int distance = Phrase.distance(m.start(), m.end(), noun[0], noun[1]);
            if (distance >= 0 && distance < bestDistance) {
                best = COLOURS.get(m.group(1));
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int surface(Pattern pattern, String lower, int fallback) {
        Matcher m = pattern.matcher(lower);
        if (!m.find()) {
            return fallback;
        }
        String word = m.group(1) != null ? m.group(1) : m.groupCount() >= 2 && m.group(2) != null ? m.group(2) : null;
        Integer colour = word == null ? null : COLOURS.get(word);
        return colour != null ? colour : fallback;
    }
}
