package dev.reelforge.core.scene;

import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups a storyboard's beats into shots. A beat starts a new shot when it names one ("wide shot", "close-up",
 * "cut to", "reverse angle", …); otherwise it plays on in the current shot. A storyboard that declares a
 * locked-off camera or one continuous shot (in its description or first beat) is a single shot, unless a later
 * beat explicitly cuts away ("cut to", or a numbered "Shot 2" / "Scene 2" label). A tripod alone declares no single
 * shot: a tripod shot may pan, and the camera may be moved to a new framing between shots.
 */
final class ShotReader {
    private static final Pattern NAMES_A_SHOT =
            Pattern.compile("\\b(cut to|cuts to|smash cut|jump cut|match cut|reverse shot|reverse angle"
                    + "|(wide|medium|close|long|full|establishing|tracking|aerial|overhead|low[- ]angle|high[- ]angle|insert|two|over[- ]the[- ]shoulder"
                    + "|point[- ]of[- ]view|pov|cowboy|master|dolly|crane|drone|handheld|static|locked[- ]off|macro)[- ]?shot|close[- ]?up|extreme close"
                    + "|\\becu\\b|\\bmcu\\b|\\bcu\\b|\\bws\\b|\\bms\\b|\\bpov\\b|new shot|next shot|shot #?\\d+|^scene #?\\d+|angle on|insert of|transition to"
                    + "|dissolve to|fade to)");
    private static final Pattern ONE_SHOT = Pattern.compile(
            "\\b(one continuous shot|single continuous shot|single shot|one shot|one take"
                    + "|single take|continuous take|no cuts|without (a )?cut|uncut|oner|locked[- ]off|static camera|fixed camera)");
    private static final Pattern CUTS_AWAY =
            Pattern.compile("\\b(cut to|cuts to|smash cut|jump cut|match cut)\\b|^(shot|scene) #?\\d+\\b");
    private static final Pattern SAME_SHOT =
            Pattern.compile("\\b(same shot|same angle|same framing|(shot|camera|take) continues"
                    + "|still in (the )?(wide|close|medium))");

    /** The beats' shots, and for each beat the index of its shot. */
    record Reading(List<Shot> shots, List<Integer> shotOfBeat, List<ShotSize> sizeOfBeat) {}

    private ShotReader() {}

    static Reading read(Storyboard storyboard) {
        List<Beat> beats = storyboard.beats();
        String declared = (storyboard.description() + " "
                        + (beats.isEmpty() ? "" : beats.get(0).description()))
                .toLowerCase(Locale.ROOT);
        boolean oneShot = ONE_SHOT.matcher(declared).find()
                && beats.stream()
                        .skip(1)
                        .noneMatch(b -> CUTS_AWAY.matcher(lower(b)).find());
        ShotSize overall = ShotSize.namedIn(storyboard.description());
        List<Integer> shotOfBeat = new ArrayList<>();
        List<ShotSize> sizes = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        List<ShotSize> framings = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            ShotSize size = ShotSize.namedIn(beat.description());
            sizes.add(size);
            boolean starts = i == 0 || !oneShot && startsAShot(beat);
            if (starts) {
                spans.add(new double[] {beat.startSeconds(), beat.endSeconds()});
                framings.add(size);
            } else {
                spans.get(spans.size() - 1)[1] = beat.endSeconds();
                int last = framings.size() - 1;
                if (framings.get(last) == ShotSize.UNSPECIFIED) {
                    framings.set(last, size);
                }
            }
            shotOfBeat.add(spans.size() - 1);
        }
        Camera described = LookReader.camera(storyboard.description());
        List<Shot> shots = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            ShotSize framing = framings.get(s) == ShotSize.UNSPECIFIED ? overall : framings.get(s);
            StringBuilder text = new StringBuilder();
            for (int b = 0; b < beats.size(); b++) {
                if (shotOfBeat.get(b) == s) {
                    text.append(beats.get(b).description()).append('\n');
                }
            }
            shots.add(new Shot(spans.get(s)[0], spans.get(s)[1], framing, camera(text.toString(), described)));
        }
        return new Reading(shots, shotOfBeat, sizes);
    }

    /**
     * The camera of a shot whose beats read {@code text}: what they say it does ("the camera pushes in", "handheld"),
     * and what they leave open as {@code described} by the storyboard's description. A beat's "tilts" is the camera's
     * only when the beat speaks of the camera: "the glass tilts" is the glass's.
     */
    static Camera camera(String text, Camera described) {
        Camera own = LookReader.camera(text);
        Camera.Move move =
                own.move() == Camera.Move.TILT && !text.toLowerCase(Locale.ROOT).contains("camera")
                        ? Camera.Move.UNSPECIFIED
                        : own.move();
        return new Camera(
                move != Camera.Move.UNSPECIFIED ? move : described.move(),
                own.stability() != Camera.Stability.UNSPECIFIED ? own.stability() : described.stability(),
                own.lensMm() != null ? own.lensMm() : described.lensMm());
    }

    /** Whether the beat names a new shot: "wide shot", "close-up", "cut to", or a bare framing ("Wide:"). */
    static boolean startsAShot(Beat beat) {
        String text = lower(beat);
        if (SAME_SHOT.matcher(text).find()) {
            return false;
        }
        return NAMES_A_SHOT.matcher(text).find() || ShotSize.namedIn(text) != ShotSize.UNSPECIFIED;
    }

    private static String lower(Beat beat) {
        return beat.description().toLowerCase(Locale.ROOT);
    }
}
