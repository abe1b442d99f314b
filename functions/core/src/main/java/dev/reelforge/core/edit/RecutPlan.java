package dev.reelforge.core.edit;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A re-cut as the media side renders it: the source clip's kept span cut into segments, each played at its own
 * factor (1 unchanged, 2 twice as long with interpolated frames, 0.5 twice as fast). Built only by {@link #of},
 * which refuses ranges outside the clip, overlapping retimes, more than one trim and a result over the model's
 * longest clip, naming the field at fault. {@link #shift} moves a storyboard's beats and cues to the re-cut's times.
 *
 * <pre>{@code
 * RecutPlan.of(List.of(RecutOp.expand("recut.expand[0]", "00:02-00:03=00:02-00:05")), 6, 10).outputSeconds(); // 8
 * }</pre>
 */
public record RecutPlan(List<Segment> segments) {

    public RecutPlan {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a re-cut keeps at least one segment");
        }
    }

    /** One piece of the source, {@code factor} times its length in the result. */
    public record Segment(double start, double end, double factor) {
        public double outputSeconds() {
            return (end - start) * factor;
        }
    }

    /**
     * @param clipSeconds the source clip's length
     * @param maxSeconds the longest clip the model renders: the result may not be longer
     */
    public static RecutPlan of(List<RecutOp> ops, double clipSeconds, double maxSeconds) {
        if (ops.isEmpty()) {
            throw InvalidRequestException.of("recut", "name at least one of trim, retime or expand");
        }
        TimeRange kept = new TimeRange(0, clipSeconds);
        List<RecutOp> trims =
                ops.stream().filter(o -> o.kind() == RecutOp.Kind.TRIM).toList();
        if (trims.size() > 1) {
            throw InvalidRequestException.of(trims.get(1).field(), "only one trim per re-cut");
        }
        for (RecutOp op : ops) {
            if (op.range().end() > clipSeconds + 1e-6) {
                throw InvalidRequestException.of(
                        op.field(),
                        String.format(
                                Locale.ROOT,
                                "%s ends at %.2f s, after the clip's end at %.2f s",
                                op.kind().wireName(),
                                op.range().end(),
                                clipSeconds));
            }
        }
        if (!trims.isEmpty()) {
            kept = trims.get(0).range();
        }
        List<RecutOp> retimes = ops.stream()
                .filter(o -> o.kind() == RecutOp.Kind.RETIME)
                .sorted(Comparator.comparingDouble(o -> o.range().start()))
                .toList();
        for (int i = 0; i < retimes.size(); i++) {
            RecutOp op = retimes.get(i);
            if (op.range().start() < kept.start() - 1e-6 || op.range().end() > kept.end() + 1e-6) {
                throw InvalidRequestException.of(op.field(), "the retimed span lies outside the trimmed clip");
            }
            if (i > 0 && retimes.get(i - 1).range().overlaps(op.range())) {
                throw InvalidRequestException.of(
                        op.field(), "overlaps " + retimes.get(i - 1).field() + "; retimed spans must not overlap");
            }
        }
        RecutPlan plan = new RecutPlan(segments(kept, retimes));
        if (plan.outputSeconds() > maxSeconds + 1e-6) {
            throw InvalidRequestException.of(
                    ops.get(ops.size() - 1).field(),
                    String.format(
                            Locale.ROOT,
                            "the re-cut would run %.2f s, over the model's longest clip of %.2f s",
                            plan.outputSeconds(),
                            maxSeconds));
        }
        return plan;
    }

    private static List<Segment> segments(TimeRange kept, List<RecutOp> retimes) {
        TreeSet<Double> cuts = new TreeSet<>(List.of(kept.start(), kept.end()));
        retimes.forEach(r -> {
            cuts.add(r.range().start());
            cuts.add(r.range().end());
        });
        List<Double> bounds = new ArrayList<>(cuts);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            double start = bounds.get(i);
            double end = bounds.get(i + 1);
            if (end - start < 1e-6) {
                continue;
            }
            double factor = retimes.stream()
                    .filter(r -> r.range().start() <= start + 1e-9 && r.range().end() >= end - 1e-9)
                    .mapToDouble(RecutOp::factor)
                    .findFirst()
                    .orElse(1);
            segments.add(new Segment(start, end, factor));
        }
        return segments;
    }

    public double outputSeconds() {
        return segments.stream().mapToDouble(Segment::outputSeconds).sum();
    }

    /**
     * Where a moment of the source plays in the re-cut: after the segments before it, at its own segment's factor;
     * empty for a moment the trim cut away. The kept span's end maps to the re-cut's end.
     */
    public OptionalDouble outputTime(double sourceSeconds) {
        double before = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (sourceSeconds >= s.start() - 1e-9
                    && (sourceSeconds < s.end() - 1e-9 || last && sourceSeconds <= s.end() + 1e-9)) {
                return OptionalDouble.of(before + Math.max(0, sourceSeconds - s.start()) * s.factor());
            }
            before += s.outputSeconds();
        }
        return OptionalDouble.empty();
    }

    /**
     * The storyboard as the re-cut plays it, so the review checks each beat and sound where it now is: every time
     * moved by {@link #outputTime}, a beat clipped to the kept span (dropped if none of it is kept), a cue the trim
     * cut away dropped. The description and ambience stay.
     */
    public Storyboard shift(Storyboard board) {
        double keptStart = segments.get(0).start();
        double keptEnd = segments.get(segments.size() - 1).end();
        List<Beat> beats = new ArrayList<>();
        for (Beat b : board.beats()) {
            double start = Math.max(b.startSeconds(), keptStart);
            double end = Math.min(b.endSeconds(), keptEnd);
            if (end - start < 1e-6) {
                continue;
            }
            double from = outputTime(start).orElseThrow();
            double to = outputTime(end).orElseThrow();
            if (to - from > 1e-6) {
                beats.add(new Beat(from, to, b.description()));
            }
        }
        List<AudioCue> cues = new ArrayList<>();
        for (AudioCue c : board.audioCues()) {
            outputTime(c.atSeconds()).ifPresent(t -> cues.add(new AudioCue(t, c.description())));
        }
        return new Storyboard(board.description(), beats, cues, board.ambience());
    }
}
