package dev.reelforge.media.render;

import java.util.List;

/**
 * The H.264 encoder chosen for this machine and why, as reported in {@code MediaResult.encoder} and
 * {@code encoderReason}, plus the FFmpeg output options that use it.
 */
public record H264Encoder(String name, String reason) {
    public static final String NVENC = "h264_nvenc";
    public static final String OPENH264 = "libopenh264";

    public boolean isGpu() {
        return NVENC.equals(name);
    }

    /** Output options for a yuv420p H.264 stream at a bitrate suited to the frame size and rate. */
    public List<String> outputArgs(int width, int height, double fps) {
        long bitrate = Math.max(300_000L, Math.round(width * (double) height * fps * 0.12));
        String gop = Integer.toString((int) Math.max(1, Math.round(fps * 2)));
        if (isGpu()) {
            return List.of(
                    "-c:v",
                    name,
                    "-preset",
                    "p4",
                    "-rc",
                    "vbr",
                    "-b:v",
                    Long.toString(bitrate),
                    "-maxrate",
                    Long.toString(bitrate * 2),
                    "-bufsize",
                    Long.toString(bitrate * 2),
                    "-g",
                    gop,
                    "-pix_fmt",
                    "yuv420p");
        }
        return List.of("-c:v", name, "-b:v", Long.toString(bitrate), "-g", gop, "-pix_fmt", "yuv420p");
    }
}
