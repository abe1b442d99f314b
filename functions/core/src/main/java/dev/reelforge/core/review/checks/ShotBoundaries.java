package dev.reelforge.core.review.checks;

import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the storyboard expects a cut. A beat boundary is a shot boundary only when the beat names a new shot ("wide
 * shot", "close-up", "cut to", …): creators write beats inside one shot too, and a cut there is a flaw, not the
 * plan. A storyboard that declares one continuous or locked-off shot has no shot boundaries at all. (Until the
 * storyboard itself tells shots from beats.)
 */
public final class ShotBoundaries {
    static final Pattern NAMES_A_SHOT = Pattern.compile("\\b(cut to|cuts to|smash cut|jump cut|match cut|reverse shot|reverse angle"
            + "|(wide|medium|close|long|full|establishing|tracking|aerial|overhead|low[- ]angle|high[- ]angle|insert|two|over[- ]the[- ]shoulder"
            + "|point[- ]of[- ]view|pov|cowboy|master|dolly|crane|drone|handheld|static|locked[- ]off|macro)[- ]?shot|close[- ]?up|extreme close"
            + "|\\becu\\b|\\bmcu\\b|\\bcu\\b|\\bws\\b|\\bms\\b|\\bpov\\b|new shot|next shot|shot \\d+|angle on|insert of|transition to"
            + "|dissolve to|fade to)");
    static final Pattern ONE_SHOT = Pattern.compile("\\b(one continuous shot|single continuous shot|single shot|one shot|one take"
            + "|single take|continuous take|no cuts|without (a )?cut|uncut|oner|locked[- ]off|static camera|fixed camera|tripod)");

    private ShotBoundaries() {}

    /** The start times of the beats that begin a new shot, in order. */
    public static List<Double> of(Storyboard storyboard) {
        String whole = storyboard.description().toLowerCase(Locale.ROOT);
        if (ONE_SHOT.matcher(whole).find() && !storyboard.beats().stream().skip(1).anyMatch(ShotBoundaries::cutsAway)) {
            return List.of();
        }
        List<Double> boundaries = new ArrayList<>();
        for (Beat beat : storyboard.beats().stream().skip(1).toList()) {
            if (namesAShot(beat)) {
                boundaries.add(beat.startSeconds());
            }
        }
        return boundaries;
    }

    static boolean namesAShot(Beat beat) {
        return NAMES_A_SHOT.matcher(beat.description().toLowerCase(Locale.ROOT)).find();
    }

    /** A beat that explicitly cuts ("cut to", "smash cut") ends a one-shot declaration's claim on that boundary. */
    private static boolean cutsAway(Beat beat) {
        return beat.description().toLowerCase(Locale.ROOT).matches(".*\\b(cut to|cuts to|smash cut|jump cut|match cut)\\b.*");
    }
}
