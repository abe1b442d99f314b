package dev.reelforge.core.review.checks;

import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.review.Check;
import java.util.List;

/**
 * Whether the model that made a clip renders sound (capability data's {@code nativeAudio}). A silent model's clip
 * has nothing for the audio checks to measure: audio-cues, av-sync and dialogue are then not applicable, and
 * conformance does not ask for an audio stream, so a silent clip is never sent back (and paid for again) for sound
 * the model cannot make. Validate warns about such cues before any spend.
 *
 * <pre>{@code
 * Soundtrack sound = Soundtrack.of(model);          // from the capability data
 * Soundtrack sound = Soundtrack.silent("luma/ray-3.2");
 * }</pre>
 *
 * @param rendered whether the model renders a soundtrack
 * @param model the model's qualified name, for the reason a check gives; empty when unknown
 */
public record Soundtrack(boolean rendered, String model) {
    /** The checks that read the soundtrack, in report order. */
    public static final List<String> AUDIO_CHECKS = List.of("audio-cues", "av-sync", "dialogue");

    private static final Soundtrack EXPECTED = new Soundtrack(true, "");

    public Soundtrack {
        model = model == null ? "" : model;
    }

    /** A clip whose soundtrack is expected (the model renders one, or the model is not known). */
    public static Soundtrack expected() {
        return EXPECTED;
    }

    /** A clip from a model that renders no sound. */
    public static Soundtrack silent(String model) {
        return new Soundtrack(false, model);
    }

    public static Soundtrack of(ModelCapabilities model) {
        return model.nativeAudio() ? expected() : silent(model.qualifiedName());
    }

    /** The audio check {@code name} as not applicable, naming the model and the capability. */
    Check notApplicable(String name, double threshold, String unit, int cues) {
        return Check.notApplicable(
                name,
                threshold,
                unit,
                (model.isEmpty() ? "the model" : model) + " renders no audio (nativeAudio: false)"
                        + (cues == 0 ? "" : ", so the " + cues + " timed audio cue(s) have no sound to match"));
    }
}
