package dev.reelforge.media.animatic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where in the clip each picture defect happens, in frames: black at a quarter, the freeze during the fall,
 * the cut inside the beat that holds the middle (never on a beat boundary, where a cut is expected).
 */
final class DefectSchedule {
    private static final double FREEZE_BEFORE_IMPACT = 0.12;
    private final DefectSet defects;
    private final int fps;
    private final int blackStart;
    private final int blackEnd;
    private final int freezeStart;
    private final int freezeEnd;
    private final double cutStart;
    private final double cutEnd;
    private final double[] flickerGain;

    DefectSchedule(DefectSet defects, List<BeatScene> scenes, int frameCount, int fps, long seed) {
        this.defects = defects;
        this.fps = fps;
        int blackLength = (int) Math.ceil(fps * (0.5 + defects.strength(Defect.Kind.BLACK)));
        this.blackStart = defects.has(Defect.Kind.BLACK) ? (int) Math.round(frameCount * 0.25) : -1;
        this.blackEnd = blackStart < 0 ? -1 : Math.min(frameCount, blackStart + blackLength);
        int freezeLength = Math.max(2, (int) Math.round(fps * (0.5 + defects.strength(Defect.Kind.FREEZE))));
        this.freezeStart = defects.has(Defect.Kind.FREEZE) ? freezeStart(scenes, frameCount, fps, freezeLength) : -1;
        this.freezeEnd = freezeStart < 0 ? -1 : Math.min(frameCount, freezeStart + freezeLength);
        double clipSeconds = (double) frameCount / fps;
        BeatScene middle = scenes.stream()
                .filter(s -> s.contains(clipSeconds / 2))
                .findFirst()
                .orElse(scenes.get(0));
        this.cutStart = defects.has(Defect.Kind.CUT) ? middle.startSeconds() + 0.4 * middle.duration() : -1;
        double cutLength = 0.3 + 0.5 * defects.strength(Defect.Kind.CUT);
        this.cutEnd = cutStart < 0 ? -1 : Math.min(cutStart + cutLength, middle.endSeconds() - 1.0 / fps);
        this.flickerGain = new double[frameCount];
        SplittableRandom random = new SplittableRandom(seed ^ 0xF11CCE5L);
        double strength = defects.strength(Defect.Kind.FLICKER);
        for (int i = 0; i < frameCount; i++) {
            flickerGain[i] = 1 + (random.nextBoolean() ? 1 : -1) * strength * (0.35 + 0.45 * random.nextDouble());
        }
    }

    /**
     * A freeze that shows: the picture stops during the fall, a few frames before the impact, and catches up after.
     * Without a fall, just past the middle of the clip.
     */
    private static int freezeStart(List<BeatScene> scenes, int frameCount, int fps, int freezeLength) {
        return scenes.stream()
                .filter(s -> s.motion() == Motion.FALL)
                .findFirst()
                .map(s -> (int) Math.round(s.impactSeconds() * fps)
                        - Math.max(1, (int) Math.round(FREEZE_BEFORE_IMPACT * fps)))
                .map(start -> Math.max(0, Math.min(start, frameCount - 2)))
                .orElse(Math.max(0, (int) Math.round(frameCount * 0.55) - freezeLength / 2));
    }

    /** The moment whose picture frame {@code index} shows (a frozen frame repeats the freeze's first moment). */
    double pictureTime(int index) {
        int source = index >= freezeStart && index < freezeEnd ? freezeStart : index;
        return (double) source / fps;
    }

    boolean isCutaway(double t) {
        return t >= cutStart && t < cutEnd;
    }

    /** Applies blur, blockiness, flicker and black, in that order, to frame {@code index}. */
    void damage(Canvas canvas, int index, int shortSide) {
        if (defects.has(Defect.Kind.BLUR)) {
            FrameEffects.boxBlur(canvas, Math.max(1, (int)
                    Math.round(defects.strength(Defect.Kind.BLUR) * shortSide / 40.0)));
        }
        if (defects.has(Defect.Kind.BLOCKY)) {
            FrameEffects.pixelate(canvas, 0.5 + 0.5 * defects.strength(Defect.Kind.BLOCKY));
        }
        if (defects.has(Defect.Kind.FLICKER)) {
            FrameEffects.scaleBrightness(canvas, flickerGain[index]);
        }
        if (index >= blackStart && index < blackEnd) {
            FrameEffects.black(canvas);
        }
    }
}
