package dev.reelforge.core.media;

/**
 * Audio clean-up and loudness: a high-pass against rumble, FFT denoising of the ambient bed at a modest strength
 * (10–15 %: enough to calm generator hiss without the underwater sound of stronger settings), then EBU R128
 * normalisation to the platform target.
 *
 * @param ambientReduction 0.10–0.15; mapped to FFmpeg {@code afftdn} noise reduction of 100 × strength dB
 * @param highpassHz cut-off of the rumble filter (20–200 Hz)
 * @param targetLufs integrated loudness target (−30 to −5 LUFS); −14 matches the major short-video platforms
 * @param truePeakDbtp ceiling for the true peak (−9 to 0 dBTP)
 */
public record AudioPolish(double ambientReduction, double highpassHz, double targetLufs, double truePeakDbtp) {
    public static final AudioPolish DEFAULT = new AudioPolish(0.12, 80, -14, -1);

    public AudioPolish {
        if (ambientReduction < 0.10 || ambientReduction > 0.15) {
            throw new IllegalArgumentException("ambient reduction must be 0.10–0.15, got " + ambientReduction);
        }
        if (highpassHz < 20
                || highpassHz > 200
                || targetLufs < -30
                || targetLufs > -5
                || truePeakDbtp < -9
                || truePeakDbtp > 0) {
            throw new IllegalArgumentException(
                    "audio polish out of range: high-pass 20–200 Hz, target −30…−5 LUFS, " + "true peak −9…0 dBTP");
        }
    }

    /** The {@code afftdn} noise reduction in dB for the configured strength. */
    public double noiseReductionDb() {
        return ambientReduction * 100;
    }
}
