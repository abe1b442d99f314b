package dev.reelforge.core.scene;

import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One consistent world per storyboard, read once from the prompt: the subjects (noun, colour, material, weight,
 * count, pieces), the setting and its surfaces, the light, the camera, and per beat the action and shot size, with
 * beats grouped into {@link Shot shots}. Consumers read this plan rather than parsing the prompt again, so they agree
 * on what was asked for: review's cut and continuity checks take their shot boundaries from it ({@link #cuts()}),
 * {@code reelforge validate} prints it, and the animatic renderer is meant to draw it.
 *
 * <pre>{@code
 * ScenePlan plan = ScenePlan.of(request);
 * plan.shots().size();             // 1 for a locked-off mug drop
 * plan.subjects().get(0).colour(); // "white"
 * }</pre>
 */
public record ScenePlan(
        List<Subject> subjects,
        Setting setting,
        Light light,
        Camera camera,
        List<PlannedBeat> beats,
        List<Shot> shots) {
    private static final Pattern ACTION =
            Pattern.compile("\\b(shatter|break|crack|split|smash|burst|spill|pour|splash|fall|drop"
                    + "|tip|topple|tumble|bounce|roll|slide|skid|spin|rotate|turn|slip|land|hit|crash|settle|rest|sit|stand|hang"
                    + "|float|fly|jump|leap|run|walk|dance|wave|open|close|lift|pick|place|throw|catch|stir|steam|melt|burn|glow"
                    + "|rise|sink|swing|wobble|shake|reveal)(?:s|es|ed|d|ing|ting|ping|ped|ted)?\\b");

    public ScenePlan {
        subjects = List.copyOf(subjects);
        beats = List.copyOf(beats);
        shots = List.copyOf(shots);
    }

    /** The plan of a validated request. */
    public static ScenePlan of(RenderRequest request) {
        return of(request.storyboard());
    }

    /** The plan of a storyboard: its description and beats are the whole prompt. */
    public static ScenePlan of(Storyboard storyboard) {
        StringBuilder prose = new StringBuilder(storyboard.description());
        for (Beat beat : storyboard.beats()) {
            if (!beat.description().equals(storyboard.description())) {
                prose.append(prose.length() == 0 ? "" : "\n").append(beat.description());
            }
        }
        String prompt = prose.toString();
        ShotReader.Reading shots = ShotReader.read(storyboard);
        List<PlannedBeat> beats = new ArrayList<>();
        for (int i = 0; i < storyboard.beats().size(); i++) {
            Beat beat = storyboard.beats().get(i);
            beats.add(new PlannedBeat(
                    beat.startSeconds(),
                    beat.endSeconds(),
                    beat.description(),
                    action(beat.description()),
                    shots.sizeOfBeat().get(i),
                    shots.shotOfBeat().get(i)));
        }
        return new ScenePlan(
                SubjectReader.read(prompt),
                LookReader.setting(prompt),
                LookReader.light(prompt),
                LookReader.camera(prompt),
                beats,
                shots.shots());
    }

    /** Where a new shot starts after the first: the only places a cut is expected. */
    public List<Double> cuts() {
        return shots.stream().skip(1).map(Shot::startSeconds).toList();
    }

    /** The action a beat shows, as a verb stem ("fall", "shatter"); "hold" when nothing named moves. */
    static String action(String text) {
        Matcher m = ACTION.matcher(text.toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : "hold";
    }
}
