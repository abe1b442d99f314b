package dev.reelforge.media.animatic;

import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Shot;
import java.util.ArrayList;
import java.util.List;

/**
 * How each shot of the storyboard is filmed: the {@link CameraMove} of the scene plan's shot a scene plays in (its
 * beats' camera words, else the description's), and the plan's camera for a scene of no planned shot.
 */
final class Filming {
    private final List<Double> shotStarts;
    private final List<CameraMove> moves;
    private final CameraMove otherwise;

    private Filming(List<Double> shotStarts, List<CameraMove> moves, CameraMove otherwise) {
        this.shotStarts = List.copyOf(shotStarts);
        this.moves = List.copyOf(moves);
        this.otherwise = otherwise;
    }

    /** Every shot filmed by {@code move}. */
    static Filming everywhere(CameraMove move) {
        return new Filming(List.of(), List.of(), move);
    }

    /** The plan's shots, each filmed by its own camera, the shake seeded by {@code seed}. */
    static Filming of(ScenePlan plan, long seed) {
        List<Double> starts = new ArrayList<>();
        List<CameraMove> moves = new ArrayList<>();
        for (Shot shot : plan.shots()) {
            starts.add(shot.startSeconds());
            moves.add(CameraMove.of(shot.camera(), seed));
        }
        return new Filming(starts, moves, CameraMove.of(plan.camera(), seed));
    }

    /** The camera of the shot that starts at {@code shotStartSeconds}. */
    CameraMove at(double shotStartSeconds) {
        int shot = shotStarts.indexOf(shotStartSeconds);
        return shot < 0 ? otherwise : moves.get(shot);
    }
}
