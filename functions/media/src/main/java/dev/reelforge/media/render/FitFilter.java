package dev.reelforge.media.render;

import dev.reelforge.core.media.Rendition;

/** The FFmpeg filter text that brings any source to a rendition's exact frame size under its fit policy. */
final class FitFilter {
    private FitFilter() {}

    /**
     * CROP scales to cover the frame and trims the overflow around the centre; PAD scales to fit inside and fills
     * the rest with black, centred. Both end with square pixels and yuv420p.
     */
    static String of(Rendition rendition) {
        int w = rendition.width();
        int h = rendition.height();
        String fitted = switch (rendition.fit()) {
            case CROP -> "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase:force_divisible_by=2,"
                    + "crop=" + w + ":" + h;
            case PAD -> "scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease:force_divisible_by=2,"
                    + "pad=" + w + ":" + h + ":(ow-iw)/2:(oh-ih)/2:color=black";
        };
        return fitted + ",setsar=1,format=yuv420p";
    }
}
