package dev.reelforge.core.scene;

import dev.reelforge.core.scene.Camera.Move;
import dev.reelforge.core.scene.Camera.Stability;
import dev.reelforge.core.scene.Light.Direction;
import dev.reelforge.core.scene.Light.Warmth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the world around the subjects from the prompt: the place and the supports (with their materials), where
 * the light comes from and how warm it is, and how the camera moves, how steady it is and its lens.
 */
final class LookReader {
    private static final Pattern PLACE = Pattern.compile(
            "\\b(kitchen|bakery|cafe|café|restaurant|bar|studio|living room"
                    + "|bedroom|bathroom|office|classroom|library|garage|workshop|warehouse|gym|street|alley|road|highway|park|garden"
                    + "|forest|beach|desert|mountain|lake|river|city|rooftop|stage|market|shop|store|lab|laboratory|hallway|room)\\b");
    /** The supports things rest on or fall onto. */
    static final String SURFACE_NOUNS =
            "table|tabletop|floor|counter|countertop|desk|shelf|bench|ground|pavement|sidewalk"
                    + "|road|sand|grass|carpet|rug|tiles|bed|ledge|windowsill|stairs|plinth|pedestal|turntable|podium";

    private static final Pattern SURFACE = Pattern.compile("\\b((?:[\\w-]+\\s+){0,3}?)(" + SURFACE_NOUNS + ")\\b");
    private static final Pattern LIGHT_CONTEXT = Pattern.compile(
            "\\b(light|lit|lighting|sun|sunlight|sunset|sunrise|window|lamp|glow|key|backlit|backlight|rim)");
    private static final Map<Direction, Pattern> DIRECTIONS = Map.of(
            Direction.BACK, Pattern.compile("\\b(backlit|backlight|from behind|behind the|rim light|silhouett)"),
            Direction.LEFT,
                    Pattern.compile(
                            "\\b(from (the )?(camera[- ])?left|left[- ]side|frame left|on the left|to the left)\\b"),
            Direction.RIGHT,
                    Pattern.compile(
                            "\\b(from (the )?(camera[- ])?right|right[- ]side|frame right|on the right|to the right)\\b"),
            Direction.TOP, Pattern.compile("\\b(overhead|from above|top[- ]down light|top light|skylight|noon sun)\\b"),
            Direction.FRONT, Pattern.compile("\\b(front[- ]lit|from the front|frontal|on-camera light|ring light)\\b"));
    private static final List<Direction> DIRECTION_ORDER =
            List.of(Direction.BACK, Direction.LEFT, Direction.RIGHT, Direction.TOP, Direction.FRONT);
    private static final Pattern WARM =
            Pattern.compile("\\b(warm|golden|sunset|sunrise|tungsten|candle\\w*|amber|morning sun|firelight)\\b");
    private static final Pattern COOL = Pattern.compile(
            "\\b(cool|cold|blue hour|moonlight|moonlit|fluorescent|overcast|bluish|daylight-balanced)\\b");
    private static final Pattern NEUTRAL =
            Pattern.compile("\\b(neutral|soft white|softbox|studio light\\w*|daylight)\\b");
    private static final Pattern LENS = Pattern.compile("\\b(\\d{2,3})\\s?mm\\b");
    private static final Map<Move, Pattern> MOVES = Map.of(
            Move.DOLLY_IN,
                    Pattern.compile(
                            "\\b(dolly[- ]in|dollies in|push[- ]in|pushes in|slow push|dolly forward|moves in|creeps in)\\b"),
            Move.DOLLY_OUT,
                    Pattern.compile(
                            "\\b(dolly[- ]out|dollies out|pull[- ]back|pulls back|pull[- ]out|pulls out|dolly back)\\b"),
            Move.ORBIT, Pattern.compile("\\b(orbit\\w*|arcs? around|circles? around|360)\\b"),
            Move.PAN, Pattern.compile("\\b(pan|pans|panning|whip[- ]pan)\\b"),
            Move.TILT, Pattern.compile("\\b(tilt|tilts|tilting)\\b"),
            Move.TRACKING,
                    Pattern.compile("\\b(tracking|tracks|follows|following shot|trucking|truck (left|right))\\b"),
            Move.CRANE, Pattern.compile("\\b(crane|jib|boom (up|down)|rises above)\\b"),
            Move.ZOOM, Pattern.compile("\\b(zoom|zooms|zooming|crash zoom)\\b"),
            Move.STATIC,
                    Pattern.compile(
                            "\\b(locked[- ]off|static|tripod|no (camera )?movement|fixed camera|still camera|stationary)\\b"));
    private static final List<Move> MOVE_ORDER = List.of(
            Move.DOLLY_IN,
            Move.DOLLY_OUT,
            Move.ORBIT,
            Move.PAN,
            Move.TILT,
            Move.TRACKING,
            Move.CRANE,
            Move.ZOOM,
            Move.STATIC);
    /** A camera that does not move at all; a tripod is only steady, since a tripod shot may still pan or tilt. */
    private static final Pattern LOCKED =
            Pattern.compile("\\b(locked[- ]off|static|fixed camera|no (camera )?movement)\\b");

    private static final Pattern STEADY =
            Pattern.compile("\\b(gimbal|steadicam|stabili[sz]ed|smooth|slider|dolly|tripod)\\b");
    private static final Pattern SHAKY =
            Pattern.compile("\\b(handheld|hand-held|shaky|shake|vérité|verite|documentary-style)\\b");

    private LookReader() {}

    static Setting setting(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        Matcher place = PLACE.matcher(text);
        List<Setting.Surface> surfaces = new ArrayList<>();
        Matcher surface = SURFACE.matcher(text);
        while (surface.find()) {
            String noun = surface.group(2);
            if (surfaces.stream().noneMatch(s -> s.noun().equals(noun))) {
                surfaces.add(new Setting.Surface(
                        noun, Material.first(surface.group(1) + noun).orElse(null)));
            }
        }
        return new Setting(place.find() ? place.group(1) : "", surfaces);
    }

    static Light light(String prompt) {
        Direction direction = Direction.UNSPECIFIED;
        Warmth warmth = Warmth.UNSPECIFIED;
        for (String sentence : prompt.toLowerCase(Locale.ROOT).split("[.;\\n]")) {
            if (!LIGHT_CONTEXT.matcher(sentence).find()) {
                continue;
            }
            if (direction == Direction.UNSPECIFIED) {
                direction = DIRECTION_ORDER.stream()
                        .filter(d -> DIRECTIONS.get(d).matcher(sentence).find())
                        .findFirst()
                        .orElse(Direction.UNSPECIFIED);
            }
            if (warmth == Warmth.UNSPECIFIED) {
                warmth = WARM.matcher(sentence).find()
                        ? Warmth.WARM
                        : COOL.matcher(sentence).find()
                                ? Warmth.COOL
                                : NEUTRAL.matcher(sentence).find() ? Warmth.NEUTRAL : Warmth.UNSPECIFIED;
            }
        }
        return new Light(direction, warmth);
    }

    static Camera camera(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        Move move = MOVE_ORDER.stream()
                .filter(m -> MOVES.get(m).matcher(text).find())
                .findFirst()
                .orElse(Move.UNSPECIFIED);
        Stability stability = SHAKY.matcher(text).find()
                ? Stability.HANDHELD
                : LOCKED.matcher(text).find()
                        ? Stability.LOCKED_OFF
                        : STEADY.matcher(text).find() ? Stability.STABILISED : Stability.UNSPECIFIED;
        Matcher lens = LENS.matcher(text);
        return new Camera(move, stability, lens.find() ? Double.valueOf(lens.group(1)) : null);
    }
}
