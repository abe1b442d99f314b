package dev.reelforge.core.review.checks;

import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.ScenePlan;
import java.util.List;

/**
 * Where the storyboard expects a cut: the starts of the scene plan's shots after the first ({@link ScenePlan#cuts()}).
 * A beat boundary is a shot boundary only when the beat names a new shot ("wide shot", "close-up", "cut to", …):
 * creators write beats inside one shot too, and a cut there is a flaw, not the plan. A storyboard that declares one
 * continuous or locked-off shot has no shot boundaries at all.
 */
public final class ShotBoundaries {
    private ShotBoundaries() {}

    /** The start times of the beats that begin a new shot, in order. */
    public static List<Double> of(Storyboard storyboard) {
        return ScenePlan.of(storyboard).cuts();
    }
}
