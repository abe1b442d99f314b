package dev.reelforge.media.render;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.media.Ffmpeg;
import java.time.Duration;
import java.util.List;

/**
 * Where frames are decoded and scaled, and why: {@code cuda+scale_cuda} (NVDEC decode to GPU memory, scale_cuda per
 * rendition, frames brought down once at rendition size) when NVENC is in use and a CUDA test graph runs, else
 * {@code cpu}. Reported in {@code MediaResult.decoder}.
 */
public record FrameDecoding(boolean cuda, String reason) {
    public static final FrameDecoding CPU = new FrameDecoding(false, "cpu");

    public String describe() {
        return (cuda ? "cuda+scale_cuda: " : "cpu: ") + reason;
    }

    /** GPU decode and scaling only alongside NVENC: without it frames would travel GPU→CPU anyway for encoding. */
    public static FrameDecoding select(Ffmpeg ffmpeg, H264Encoder encoder) {
        if (!encoder.isGpu()) {
            return new FrameDecoding(false, "NVENC not usable, so decoding and scaling stay on the CPU");
        }
        return probe(ffmpeg);
    }

    /** Runs a one-frame upload → scale_cuda → download graph on the first CUDA device. */
    public static FrameDecoding probe(Ffmpeg ffmpeg) {
        try {
            ffmpeg.run(
                    "testing scale_cuda",
                    List.of(
                            "-v",
                            "error",
                            "-init_hw_device",
                            "cuda=gpu:0",
                            "-filter_hw_device",
                            "gpu",
                            "-f",
                            "lavfi",
                            "-i",
                            "color=c=gray:s=256x256:r=25",
                            "-frames:v",
                            "1",
                            "-vf",
                            "format=nv12,hwupload,scale_cuda=128:128,hwdownload,format=nv12",
                            "-f",
                            "null",
                            "-"),
                    Duration.ofSeconds(30));
            return new FrameDecoding(true, "a CUDA device ran a one-frame scale_cuda test; decoding with NVDEC");
        } catch (MediaProcessingException e) {
            return new FrameDecoding(false, "no usable CUDA device for decode/scale_cuda (" + e.getMessage() + ")");
        }
    }
}
