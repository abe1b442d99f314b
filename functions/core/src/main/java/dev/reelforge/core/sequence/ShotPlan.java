package dev.reelforge.core.sequence;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.ReferenceSource;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Shot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A storyboard of several shots rendered shot by shot: one provider job per shot, each within its model's
 * duration limits, the whole sequence within {@link #MAX_SEQUENCE_SECONDS}. Where the model takes a first frame,
 * every shot after the first starts from the previous accepted shot's last frame (continuity chaining), so the
 * shots render one after another. A defect written {@code "blur:0.8@2"} is injected into shot 2 only; one without
 * a target into every shot.
 *
 * <pre>{@code
 * ShotPlan plan = ShotPlan.of(request, model); // three shots for "Wide: … / Close-up: … / Cut to …"
 * plan.shots().get(1).defects();              // ["blur:0.8"] for "blur:0.8@2"
 * plan.requestFor(plan.shots().get(1));        // the request that shot 2 alone renders and is reviewed by
 * }</pre>
 */
public record ShotPlan(RenderRequest whole, List<PlannedShot> shots, boolean chained) {
    /** The longest multi-shot sequence; a single clip keeps the settings' 5–10 s envelope. */
    public static final double MAX_SEQUENCE_SECONDS = 20;

    private static final Pattern TARGETED = Pattern.compile("^(.+)@([0-9]{1,2})$");

    public ShotPlan {
        shots = List.copyOf(shots);
        if (shots.size() < 2) {
            throw new IllegalArgumentException("a shot plan has at least two shots: " + shots.size());
        }
    }

    /**
     * Whether the request renders shot by shot: its storyboard has more than one shot, and it does not ask for one
     * continuous clip. The one place that says so; Validate, the validator, edits and the handlers all ask here.
     */
    public static boolean rendersShotByShot(RenderRequest request) {
        return !request.continuous() && ScenePlan.of(request).shots().size() > 1;
    }

    /**
     * The plan of a request whose storyboard has several shots.
     *
     * @throws InvalidRequestException naming {@code storyboard} for a sequence or shot outside the limits, or
     *     {@code defects[i]} for a defect aimed at a shot the storyboard does not have
     */
    public static ShotPlan of(RenderRequest request, ModelCapabilities model) {
        List<Shot> scene = ScenePlan.of(request).shots();
        double total = scene.get(scene.size() - 1).endSeconds();
        if (total > MAX_SEQUENCE_SECONDS + 1e-9) {
            throw InvalidRequestException.of(
                    "storyboard",
                    String.format(
                            Locale.ROOT,
                            "a multi-shot sequence runs at most %.0f s; this storyboard's shots end at %s",
                            MAX_SEQUENCE_SECONDS,
                            timecode(total)));
        }
        List<List<String>> defects = defectsByShot(request.defects(), scene.size());
        Storyboard board = request.storyboard();
        List<PlannedShot> shots = new ArrayList<>();
        for (int i = 0; i < scene.size(); i++) {
            Shot shot = scene.get(i);
            checkDuration(i + 1, shot, model);
            Storyboard own = slice(board, shot);
            Transition in =
                    i == 0 ? Transition.CUT : Transition.into(own.beats().get(0).description());
            shots.add(new PlannedShot(
                    i + 1,
                    shot.startSeconds(),
                    shot.endSeconds(),
                    prompt(own),
                    own,
                    defects.get(i),
                    in,
                    i > 0 && model.firstFrame()));
        }
        return new ShotPlan(request, shots, model.firstFrame());
    }

    /**
     * The request one shot renders and is reviewed against: the shot's prompt, storyboard, duration and defects,
     * with the whole request's provider, budget, attempts and review limits. Only the first shot carries the
     * request's reference image; a chained shot starts from its predecessor's last frame instead.
     */
    public RenderRequest requestFor(PlannedShot shot) {
        RenderSettings s = whole.settings();
        return new RenderRequest(
                whole.tenant(),
                whole.clientRequestId(),
                shot.prompt(),
                shot.storyboard(),
                new RenderSettings(
                        s.aspectRatio(), shot.durationSeconds(), s.resolution(), s.fps(), s.variations(), s.style()),
                whole.provider(),
                whole.budgetUsd(),
                whole.maxAttempts(),
                whole.onGiveUp(),
                shot.defects(),
                whole.defectsPersist(),
                whole.reviewOverrides(),
                shot.index() == 1 || !shot.chainsFromPrevious() ? whole.referenceImage() : ReferenceSource.NONE);
    }

    /** Seconds of the whole sequence as the storyboard times it. */
    public double totalSeconds() {
        return shots.get(shots.size() - 1).endSeconds();
    }

    private static void checkDuration(int index, Shot shot, ModelCapabilities model) {
        double d = shot.endSeconds() - shot.startSeconds();
        boolean fixed = !model.durations().isEmpty();
        boolean fits = fixed
                ? model.durations().stream().anyMatch(x -> Math.abs(x - d) < 1e-6)
                : d >= model.minDurationSeconds() - 1e-9 && d <= model.maxDurationSeconds() + 1e-9;
        if (!fits) {
            String limits = fixed
                    ? "only " + model.durations() + " s"
                    : String.format(
                            Locale.ROOT,
                            "%s–%s s",
                            number(model.minDurationSeconds()),
                            number(model.maxDurationSeconds()));
            throw InvalidRequestException.of(
                    "storyboard",
                    String.format(
                            Locale.ROOT,
                            "shot %d (%s–%s) runs %s s, but %s renders %s per shot; retime the shot, or set"
                                    + " \"continuous\": true to render the storyboard as one clip",
                            index,
                            timecode(shot.startSeconds()),
                            timecode(shot.endSeconds()),
                            number(d),
                            model.model(),
                            limits));
        }
    }

    /** Each shot's defects: the untargeted ones, and those aimed at it with {@code @n}. */
    static List<List<String>> defectsByShot(List<String> defects, int shotCount) {
        List<List<String>> byShot = new ArrayList<>();
        for (int i = 0; i < shotCount; i++) {
            byShot.add(new ArrayList<>());
        }
        for (int i = 0; i < defects.size(); i++) {
            String text = defects.get(i).strip();
            Matcher m = TARGETED.matcher(text);
            if (!m.matches()) {
                byShot.forEach(list -> list.add(text));
                continue;
            }
            int target = Integer.parseInt(m.group(2));
            if (target < 1 || target > shotCount) {
                throw InvalidRequestException.of(
                        "defects[" + i + "]",
                        "'" + text + "' aims at shot " + target + ", but the storyboard has " + shotCount + " shots");
            }
            byShot.get(target - 1).add(m.group(1));
        }
        return byShot;
    }

    /**
     * Refuses a defect aimed at a shot in a request that renders as one clip: the target would be ignored.
     *
     * @throws InvalidRequestException naming {@code defects[i]}
     */
    public static void refuseTargetedDefects(RenderRequest request) {
        for (int i = 0; i < request.defects().size(); i++) {
            if (TARGETED.matcher(request.defects().get(i).strip()).matches()) {
                throw InvalidRequestException.of(
                        "defects[" + i + "]",
                        "'" + request.defects().get(i) + "' aims at a shot, but this storyboard renders as one"
                                + " continuous shot; drop the @n");
            }
        }
    }

    /** The beats and cues inside the shot, timed from the shot's start. */
    static Storyboard slice(Storyboard board, Shot shot) {
        double from = shot.startSeconds();
        double to = shot.endSeconds();
        List<Beat> beats = new ArrayList<>();
        for (Beat b : board.beats()) {
            if (b.startSeconds() >= from - 1e-9 && b.endSeconds() <= to + 1e-9) {
                beats.add(new Beat(b.startSeconds() - from, b.endSeconds() - from, b.description()));
            }
        }
        List<AudioCue> cues = new ArrayList<>();
        for (AudioCue c : board.audioCues()) {
            if (c.atSeconds() >= from - 1e-9 && c.atSeconds() < to - 1e-9) {
                cues.add(new AudioCue(c.atSeconds() - from, c.description()));
            }
        }
        return new Storyboard(board.description(), beats, cues, board.ambience());
    }

    /** The shot's own prompt: the description, its beats and its cues, in the storyboard's own notation. */
    static String prompt(Storyboard own) {
        StringBuilder text = new StringBuilder(own.description());
        for (Beat b : own.beats()) {
            text.append('\n')
                    .append(timecode(b.startSeconds()))
                    .append('–')
                    .append(timecode(b.endSeconds()))
                    .append(": ")
                    .append(b.description());
        }
        List<String> sounds = new ArrayList<>(own.ambience());
        own.audioCues().forEach(c -> sounds.add(c.description() + " at " + timecode(c.atSeconds())));
        if (!sounds.isEmpty()) {
            text.append("\nAudio: ").append(String.join("; ", sounds));
        }
        return text.toString().strip();
    }

    static String timecode(double seconds) {
        int minutes = (int) (seconds / 60);
        double rest = seconds - minutes * 60;
        return Math.abs(rest - Math.rint(rest)) < 1e-6
                ? String.format(Locale.ROOT, "%02d:%02d", minutes, (int) Math.rint(rest))
                : String.format(Locale.ROOT, "%02d:%06.3f", minutes, rest);
    }

    private static String number(double d) {
        return Math.abs(d - Math.rint(d)) < 1e-6
                ? String.valueOf((long) Math.rint(d))
                : String.format(Locale.ROOT, "%.2f", d);
    }
}
