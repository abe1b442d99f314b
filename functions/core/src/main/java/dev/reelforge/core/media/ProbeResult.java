package dev.reelforge.core.media;

/** What ffprobe says about a clip: the facts the conformance check compares with the request. */
public record ProbeResult(
        double durationSeconds,
        int width,
        int height,
        double fps,
        String videoCodec,
        String audioCodec,
        int audioSampleRate,
        int audioChannels) {

    public boolean hasAudio() {
        return audioCodec != null && !audioCodec.isEmpty();
    }
}
