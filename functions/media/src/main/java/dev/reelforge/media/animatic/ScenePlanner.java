package dev.reelforge.media.animatic;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.Camera;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.ShotSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns storyboard beats into drawable scenes of one world: its look ({@link WorldLook}: the subject's colour and
 * material, the floor, the table, the light's side and warmth, all read from the prompt, the seed filling in the
 * rest), the subject and the camera belong to the storyboard, not to the beat, so beats inside one shot follow on
 * without a cut. A beat that starts a new shot of the scene plan ({@link ScenePlan#cuts()}) gets a new framing (placement, size, pan
 * direction) of the same world, and its caption: a caption is a shot's, since new text mid-shot is a cut in the
 * picture. The camera slides past the world only when the plan's camera pans, tracks or orbits ({@link CameraMove}
 * zooms and shakes the picture). A fall breaks the
 * subject when any beat of its shot says it breaks, into the stated number of pieces; a subject falls once per shot
 * (a later beat that says it falls shows where it came to rest). The seed varies the look, never the timing.
 */
final class ScenePlanner {
    private static final double LANDING_BEFORE_BEAT_END = 0.3;
    /** Below this restitution a cued rebound is read as a livelier bounce, not as a drop from ever higher. */
    private static final double MIN_CUED_RESTITUTION = 0.4;
    /** A camera that moves sideways in words the scene plan has no move for ("a dolly shot", "the camera drifts"). */
    private static final Pattern MOVING_CAMERA =
            Pattern.compile("\\b(dolly|truck|trucking|camera (moves|drifts|follows|glides)" + "|follow shot)\\b");

    /** A person or an animal that goes somewhere on foot; only a subject that is a figure walks. */
    private static final Pattern WALKS =
            Pattern.compile("\\b(walk(s|ed|ing)?|run(s|ning)?|ran|jog(s|ged|ging)?|trot(s|ted|ting)?"
                    + "|stroll(s|ed|ing)?|wander(s|ed|ing)?|stride(s)?|strode|cross(es|ed|ing)|pace(s|d)?|march(es|ed|ing)?"
                    + "|trudge(s|d)?|scamper(s|ed|ing)?|waddle(s|d)?|step(s|ped)? (forward|across|along|in|out))\\b");

    private ScenePlanner() {}

    static List<BeatScene> plan(Storyboard storyboard, double clipSeconds, long seed) {
        return plan(storyboard, ScenePlan.of(storyboard), clipSeconds, seed);
    }

    /** The scenes of {@code storyboard}, whose scene plan {@code plan} is. */
    static List<BeatScene> plan(Storyboard storyboard, ScenePlan plan, double clipSeconds, long seed) {
        return plan(storyboard, plan, clipSeconds, seed, UnaryOperator.identity());
    }

    /** With the world's look read from the words then changed by {@code recolour} (a reference image's colours). */
    static List<BeatScene> plan(
            Storyboard storyboard, ScenePlan plan, double clipSeconds, long seed, UnaryOperator<WorldLook> recolour) {
        List<Beat> beats = storyboard.beats().isEmpty()
                ? List.of(new Beat(0, Math.max(clipSeconds, 0.1), storyboard.description()))
                : storyboard.beats();
        SplittableRandom world = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
        String everything = storyboard.description() + "\n"
                + String.join("\n", beats.stream().map(Beat::description).toList());
        double hue = world.nextDouble();
        SubjectShape storyboardShape = leadShape(plan, everything);
        WorldLook look = recolour.apply(WorldLook.of(everything, hue, plan, storyboardShape));
        BeatScene.Palette palette = palette(look, hue);

        List<Double> shotStarts = plan.cuts();
        List<BeatScene> scenes = new ArrayList<>();
        double shotStart = 0;
        String shotCaption = "";
        double subjectX = 0;
        double sizeFactor = 0;
        int pan = 0;
        int travel = 1;
        boolean fallenInShot = false;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            if (i == 0 || shotStarts.contains(beat.startSeconds())) {
                fallenInShot = false;
                SplittableRandom framing = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L);
                shotStart = beat.startSeconds();
                shotCaption = beat.description();
                subjectX = 0.5 + (framing.nextDouble() - 0.5) * 0.16;
                sizeFactor = zoom(
                                i < plan.beats().size()
                                        ? plan.shots()
                                                .get(plan.beats().get(i).shot())
                                                .framing()
                                        : ShotSize.UNSPECIFIED)
                        * (0.95 + framing.nextDouble() * 0.1);
                boolean left = framing.nextBoolean();
                int shot = i < plan.beats().size() ? plan.beats().get(i).shot() : -1;
                boolean moving =
                        slides(shot < 0 ? plan.camera() : plan.shots().get(shot).camera(), storyboard.description());
                pan = !moving ? 0 : left ? 1 : -1;
                travel = left ? -1 : 1;
            }
            String text = beat.description();
            SubjectShape named = storyboardShape.isFigure() ? SubjectShape.BLOCK : SubjectShape.objectIn(text);
            Motion motion = Motion.fromText(text);
            if (motion == Motion.SWAY
                    && storyboardShape.isFigure()
                    && WALKS.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                motion = Motion.SLIDE;
            }
            double impact = impactTime(beat, storyboard.audioCues());
            if (motion == Motion.FALL && fallenInShot) {
                motion = Motion.SWAY;
            }
            fallenInShot |= motion == Motion.FALL;
            scenes.add(new BeatScene(
                    beat.startSeconds(),
                    beat.endSeconds(),
                    shotStart,
                    shotCaption,
                    named == SubjectShape.BLOCK ? storyboardShape : named,
                    motion,
                    Motion.tips(text),
                    breaksInShot(beats, i, shotStarts),
                    look.pieces(),
                    look.material(),
                    impact,
                    reboundTime(impact, beats, i, shotStarts, storyboard.audioCues()),
                    palette,
                    subjectX,
                    sizeFactor,
                    pan,
                    travel));
        }
        return scenes;
    }

    /**
     * Whether the camera slides sideways past the world, so the planner picks a direction: a pan, tracking or crane,
     * an orbit (the wall slides behind the subject), or a camera the plan names no move for that the description says
     * moves; never a static one, nor a tilt (the animatic frames no height to tilt over).
     */
    static boolean slides(Camera camera, String description) {
        return switch (camera.move()) {
            case PAN, TRACKING, CRANE, ORBIT -> true;
            case UNSPECIFIED ->
                MOVING_CAMERA.matcher(description.toLowerCase(Locale.ROOT)).find();
            default -> false;
        };
    }

    /**
     * The storyboard's subject: the first thing of the plan that has a shape (an object before a person or an animal,
     * since the object is what a prompt drops, pours or turns), else the first shape its words name.
     */
    static SubjectShape leadShape(ScenePlan plan, String text) {
        List<SubjectShape> shapes = plan.subjects().stream()
                .map(SubjectShape::of)
                .filter(s -> s != SubjectShape.BLOCK)
                .toList();
        return shapes.stream()
                .filter(s -> !s.isFigure())
                .findFirst()
                .orElse(shapes.isEmpty() ? SubjectShape.fromText(text) : shapes.get(0));
    }

    /**
     * How much larger than a medium shot a shot size shows the world: a close-up fills more of the frame with the
     * subject and the wall's pattern, a wide shot less, so each shot of a sequence is its own framing.
     */
    static double zoom(ShotSize size) {
        return switch (size) {
            case EXTREME_WIDE -> 0.5;
            case WIDE, FULL -> 0.65;
            case MEDIUM_WIDE -> 0.8;
            case MEDIUM, UNSPECIFIED -> 1.0;
            case MEDIUM_CLOSE_UP -> 1.35;
            case CLOSE_UP -> 1.7;
            case EXTREME_CLOSE_UP -> 2.1;
        };
    }

    /** A scene that looks nothing like {@code scene}, in a shot of its own: for the {@code cut} defect. */
    static BeatScene cutaway(BeatScene scene) {
        SubjectShape other = scene.shape() == SubjectShape.BALL ? SubjectShape.BOX : SubjectShape.BALL;
        BeatScene.Palette p = scene.palette();
        double hue = p.hue() + 0.5;
        BeatScene.Palette elsewhere = new BeatScene.Palette(
                hue,
                Canvas.hsv(hue, 0.30, 0.92),
                Canvas.hsv(hue + 0.03, 0.38, 0.68),
                Canvas.hsv(hue + 0.08, 0.35, 0.50),
                Canvas.hsv(hue + 0.5, 0.65, 0.88),
                p.stripePeriod() * 1.4,
                Canvas.hsv(hue + 0.2, 0.4, 0.5),
                -p.lightSide());
        return new BeatScene(
                scene.startSeconds(),
                scene.endSeconds(),
                scene.shotStartSeconds() - 1,
                "",
                other,
                Motion.SWAY,
                false,
                false,
                0,
                scene.material(),
                scene.impactSeconds(),
                Double.NaN,
                elsewhere,
                1 - scene.subjectX() + 0.15,
                1.3,
                -scene.panDirection(),
                -scene.travelDirection());
    }

    /** Whether a fall in beat {@code index} breaks the subject: that beat, or a later one of its shot, says it breaks. */
    private static boolean breaksInShot(List<Beat> beats, int index, List<Double> shotStarts) {
        for (int k = index; k < beats.size(); k++) {
            if (k > index && shotStarts.contains(beats.get(k).startSeconds())) {
                return false;
            }
            if (Motion.shatters(beats.get(k).description())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest fall the cues ask for: a first rebound of {@code r} seconds at the material's restitution {@code e}
     * needs a fall of {@code r / 2e} (a rebound rises at e times the landing speed); 0 when no rebound is cued.
     */
    static double longestCuedFall(List<BeatScene> scenes) {
        return scenes.stream()
                .filter(s -> s.motion() == Motion.FALL && !Double.isNaN(s.reboundSeconds()))
                .mapToDouble(s -> s.reboundSeconds() / (2 * Math.max(MIN_CUED_RESTITUTION, s.material().restitution)))
                .max()
                .orElse(0);
    }

    /**
     * For a fall landing at {@code impact}: the time from it to the next impact sound of its shot (a creator's "thud
     * at 00:01.2, smaller thud at 00:02.1" times the bounce), NaN when no later impact is cued.
     */
    static double reboundTime(
            double impact, List<Beat> beats, int index, List<Double> shotStarts, List<AudioCue> cues) {
        double shotEnd = beats.get(beats.size() - 1).endSeconds();
        for (int k = index + 1; k < beats.size(); k++) {
            if (shotStarts.contains(beats.get(k).startSeconds())) {
                shotEnd = beats.get(k).startSeconds();
                break;
            }
        }
        for (AudioCue cue : cues) {
            if (cue.atSeconds() > impact + 0.05 && cue.atSeconds() < shotEnd && Motion.isImpactCue(cue.description())) {
                return cue.atSeconds() - impact;
            }
        }
        return Double.NaN;
    }

    /** The first impact-like audio cue inside the beat, else shortly before the beat ends. */
    static double impactTime(Beat beat, List<AudioCue> cues) {
        for (AudioCue cue : cues) {
            if (beat.contains(cue.atSeconds())
                    && cue.atSeconds() > beat.startSeconds()
                    && Motion.isImpactCue(cue.description())) {
                return cue.atSeconds();
            }
        }
        double landing = beat.endSeconds() - LANDING_BEFORE_BEAT_END;
        return landing > beat.startSeconds() ? landing : beat.startSeconds() + beat.durationSeconds() * 0.7;
    }

    private static BeatScene.Palette palette(WorldLook look, double hue) {
        return new BeatScene.Palette(
                hue,
                look.wallTop(),
                look.wallBottom(),
                look.floor(),
                look.subject(),
                0.11 + hue * 0.04,
                look.table(),
                look.lightSide(),
                look.liquid());
    }
}
