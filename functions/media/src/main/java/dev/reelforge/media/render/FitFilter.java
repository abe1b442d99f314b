package dev.reelforge.media.render;

import dev.reelforge.core.media.Rendition;

/** The FFmpeg filter text that brings any source to a rendition's exact frame size under its fit policy. */
final class FitFilter {
    private FitFilter() {}

    static String of(Rendition rendition) {
        return of(rendition, false);
    }

    /**
     * CROP scales to cover the frame and trims the overflow around the centre; PAD scales to fit inside and fills
     * the rest with black, centred. Both end with square pixels and yuv420p. With {@code cuda} the scaling runs on
     * the GPU ({@code scale_cuda}) and the frames come down to system memory for the crop or pad.
     */
    static String of(Rendition rendition, boolean cuda) {
        int w = rendition.width();
        int h = rendition.height();
        String scale = cuda ? "scale_cuda=" : "scale=";
        String download = cuda ? ",hwdownload,format=nv12" : "";
        String fitted = switch (rendition.fit()) {
            case CROP ->
                scale + w + ":" + h + ":force_original_aspect_ratio=increase:force_divisible_by=2" + download + ","
                        + "crop=" + w + ":" + h;
            case PAD ->
                scale + w + ":" + h + ":force_original_aspect_ratio=decrease:force_divisible_by=2" + download + ","
                        + "pad=" + w + ":" + h + ":(ow-iw)/2:(oh-ih)/2:color=black";
        };
        return fitted + ",setsar=1,format=yuv420p";
    }
}
