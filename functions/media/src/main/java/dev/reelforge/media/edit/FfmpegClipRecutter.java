package dev.reelforge.media.edit;

import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.port.ClipRecutter;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link ClipRecutter} over the bundled FFmpeg, in one filter graph: each segment is trimmed out, its timestamps
 * scaled by its factor, a slowed one filled with motion-interpolated frames ({@code minterpolate}, motion-compensated)
 * and a sped-up one thinned to the frame rate; its sound is stretched by {@code atempo} to the same length (pitch
 * kept), and the pieces are concatenated. A clip without sound stays without. Thread-safe.
 */
public final class FfmpegClipRecutter implements ClipRecutter {
    private final Ffmpeg ffmpeg;
    private final FfprobeClipProbe probe;

    public FfmpegClipRecutter(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.probe = new FfprobeClipProbe(ffmpeg);
    }

    @Override
    public void recut(Path source, RecutPlan plan, int fps, Path target) {
        ProbeResult facts = probe.probe(source);
        if (facts.width() <= 0) {
            throw new MediaProcessingException("cannot re-cut " + source.getFileName() + ": it has no video stream");
        }
        boolean audio = facts.hasAudio();
        List<String> args = new ArrayList<>(List.of("-v", "error", "-nostats", "-y", "-i", source.toString()));
        args.add("-filter_complex");
        args.add(filterGraph(plan, fps, audio));
        args.addAll(List.of("-map", "[v]"));
        if (audio) {
            args.addAll(List.of("-map", "[a]", "-c:a", "aac", "-b:a", "160k"));
        }
        args.addAll(ffmpeg.h264Encoder().outputArgs(facts.width(), facts.height(), fps));
        args.addAll(List.of("-r", Integer.toString(fps), "-movflags", "+faststart", target.toString()));
        ffmpeg.run(
                "re-cutting " + source.getFileName(),
                args,
                Duration.ofSeconds(120 + Math.round(30 * plan.outputSeconds())));
    }

    /** The graph for {@code plan}: {@code [v]} and, with sound, {@code [a]}. */
    static String filterGraph(RecutPlan plan, int fps, boolean audio) {
        StringBuilder graph = new StringBuilder();
        StringBuilder concatInputs = new StringBuilder();
        List<RecutPlan.Segment> segments = plan.segments();
        for (int i = 0; i < segments.size(); i++) {
            RecutPlan.Segment s = segments.get(i);
            graph.append(String.format(
                    Locale.ROOT,
                    "[0:v]trim=start=%.6f:end=%.6f,setpts=(PTS-STARTPTS)*%.6f,%s,settb=1/%d[v%d];",
                    s.start(),
                    s.end(),
                    s.factor(),
                    s.factor() > 1 + 1e-9
                            ? String.format(
                                    Locale.ROOT, "minterpolate=fps=%d:mi_mode=mci:mc_mode=aobmc:me_mode=bidir", fps)
                            : "fps=" + fps,
                    fps,
                    i));
            concatInputs.append("[v").append(i).append(']');
            if (audio) {
                graph.append(String.format(
                        Locale.ROOT,
                        "[0:a]atrim=start=%.6f:end=%.6f,asetpts=PTS-STARTPTS%s[a%d];",
                        s.start(),
                        s.end(),
                        tempo(s.factor()),
                        i));
                concatInputs.append("[a").append(i).append(']');
            }
        }
        graph.append(concatInputs)
                .append(String.format(
                        Locale.ROOT, "concat=n=%d:v=1:a=%d[v]%s", segments.size(), audio ? 1 : 0, audio ? "[a]" : ""));
        return graph.toString();
    }

    /** {@code atempo} stages for a span {@code factor} times as long: each stage within FFmpeg's 0.5–100. */
    static String tempo(double factor) {
        if (Math.abs(factor - 1) < 1e-9) {
            return "";
        }
        StringBuilder chain = new StringBuilder();
        double rest = 1 / factor;
        while (rest < 0.5) {
            chain.append(",atempo=0.5");
            rest /= 0.5;
        }
        while (rest > 100) {
            chain.append(",atempo=100");
            rest /= 100;
        }
        return chain.append(String.format(Locale.ROOT, ",atempo=%.6f", rest)).toString();
    }
}
