package dev.reelforge.core.request;

/**
 * The technical envelope of one render. Ranges are deliberately conservative (5–10 s, two aspect ratios):
 * that is where current generators are reliable.
 */
public record RenderSettings(
        AspectRatio aspectRatio, double durationSeconds, Resolution resolution, int fps, int variations, String style) {

    public RenderSettings {
        if (aspectRatio == null || resolution == null) {
            throw new IllegalArgumentException("aspect ratio and resolution are required");
        }
        style = style == null ? "" : style;
    }

    public FrameSize frameSize() {
        return resolution.frameSize(aspectRatio);
    }

    public int frameCount() {
        return (int) Math.round(durationSeconds * fps);
    }
}
