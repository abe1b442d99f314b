package dev.reelforge.core.edit;

import dev.reelforge.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A re-cut as the media side renders it: the source clip's kept span cut into segments, each played at its own
 * factor (1 unchanged, 2 twice as long with interpolated frames, 0.5 twice as fast). Built only by {@link #of},
 * which refuses ranges outside the clip, overlapping retimes, more than one trim and a result over the model's
 * longest clip, naming the field at fault.
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
}
