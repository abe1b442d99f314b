package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.reference.ImageHeader;
import dev.reelforge.core.request.FrameSize;
import org.junit.jupiter.api.Test;

/** The offline text-to-image still: a whole PNG of the frame's size, the same for the same prompt and seed. */
class AnimaticStillTest {
    private static final FrameSize FRAME = new FrameSize(360, 640);

    @Test
    void still_samePromptAndSeed_sameWholePngOfTheFramesSize() {
        byte[] still = AnimaticRenderer.still("A red enamel kettle on a gas stove", FRAME, 42);

        ImageHeader header = ImageHeader.read(still, "referenceImage");
        assertThat(header.format()).isEqualTo(ImageHeader.Format.PNG);
        assertThat(header.width()).isEqualTo(360);
        assertThat(header.height()).isEqualTo(640);
        assertThat(AnimaticRenderer.still("A red enamel kettle on a gas stove", FRAME, 42))
                .isEqualTo(still);
    }

    @Test
    void still_otherPrompt_otherPicture() {
        byte[] red = AnimaticRenderer.still("A red enamel kettle on a gas stove", FRAME, 42);
        byte[] blue = AnimaticRenderer.still("A blue glass bottle on a marble counter", FRAME, 42);

        assertThat(blue).isNotEqualTo(red);
    }
}
