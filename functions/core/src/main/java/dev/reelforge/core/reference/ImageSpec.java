package dev.reelforge.core.reference;

import dev.reelforge.core.request.FrameSize;

/**
 * What to ask an image generator for: the prompt, the model, the frame the still will open (the adapter picks the
 * generator's nearest size or aspect ratio; the intake fits the result to the frame) and a seed where the generator
 * takes one.
 */
public record ImageSpec(String prompt, String model, FrameSize frame, long seed) {
    public ImageSpec {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("an image prompt must not be blank");
        }
        model = model == null ? "" : model;
    }

    /** Whether the frame is taller than wide. */
    public boolean portrait() {
        return frame.height() > frame.width();
    }
}
