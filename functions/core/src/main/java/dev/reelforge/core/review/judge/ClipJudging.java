package dev.reelforge.core.review.judge;

import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.port.FrameSampler;
import dev.reelforge.core.port.VisualJudge;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the optional visual judge on one clip: a few stills, one question per visual checklist item, and the answers
 * as checks named {@code judge-<item>}. A failure the judge itself doubts (confidence below
 * {@value #MIN_CONFIDENCE}) does not count: vision-language models guess, and a guess must not trigger a paid
 * remix. Whether the checks count in the verdict, and what a judge that cannot answer does, follow the
 * {@link JudgeMode}.
 *
 * <pre>{@code
 * ClipJudging judging = ClipJudging.of(JudgeMode.ADVISORY, sampler, judge, 8);
 * ClipJudging.Result result = judging.judge(clip, request.prompt(), request.storyboard());
 * }</pre>
 */
public final class ClipJudging {
    public static final int DEFAULT_FRAMES = 8;
    /** Stills of 512 px are enough for a judge and cost few image tokens ({@code detail: low} reads 512 px). */
    static final int FRAME_LONG_SIDE = 512;

    static final double MIN_CONFIDENCE = 0.5;
    private static final ClipJudging OFF = new ClipJudging(JudgeMode.OFF, null, null, 0);

    private final JudgeMode mode;
    private final FrameSampler sampler;
    private final VisualJudge judge;
    private final int frames;

    private ClipJudging(JudgeMode mode, FrameSampler sampler, VisualJudge judge, int frames) {
        this.mode = mode;
        this.sampler = sampler;
        this.judge = judge;
        this.frames = frames;
    }

    public static ClipJudging off() {
        return OFF;
    }

    public static ClipJudging of(JudgeMode mode, FrameSampler sampler, VisualJudge judge, int frames) {
        if (mode == JudgeMode.OFF) {
            return OFF;
        }
        if (frames < 1) {
            throw new IllegalArgumentException("the judge needs at least one still per clip, not " + frames);
        }
        return new ClipJudging(
                mode, Objects.requireNonNull(sampler, "sampler"), Objects.requireNonNull(judge, "judge"), frames);
    }

    public JudgeMode mode() {
        return mode;
    }

    /**
     * The judge's checks for one clip, or none when the judge is off. Without a prompt there is nothing to adhere
     * to, so that item is not asked. In advisory mode a judge that cannot answer gives no checks and a note saying
     * why; in binding mode its error propagates.
     */
    public Result judge(Path clip, String prompt, Storyboard storyboard) {
        if (mode == JudgeMode.OFF) {
            return new Result(mode, List.of(), "");
        }
        try {
            List<SampledFrame> stills = sampler.sample(clip, frames, FRAME_LONG_SIDE);
            List<JudgeItem> items = Arrays.stream(JudgeItem.values())
                    .filter(item -> item != JudgeItem.PROMPT_ADHERENCE || !prompt.isBlank())
                    .toList();
            List<JudgeAnswer> answers = judge.judge(new JudgeRequest(prompt, storyboard, stills, items));
            return new Result(mode, checks(items, answers), "");
        } catch (ReelforgeException e) {
            if (mode == JudgeMode.BINDING) {
                throw e;
            }
            return new Result(
                    mode, List.of(), "visual judge gave no answer for " + clip.getFileName() + ": " + e.getMessage());
        }
    }

    /** One check per item, in checklist order; the judge must answer every item exactly once. */
    static List<Check> checks(List<JudgeItem> items, List<JudgeAnswer> answers) {
        Map<JudgeItem, JudgeAnswer> byItem = new EnumMap<>(JudgeItem.class);
        for (JudgeAnswer answer : answers) {
            if (byItem.put(answer.item(), answer) != null) {
                throw new ProviderFailedException(
                        "the visual judge answered '" + answer.item().wireName() + "' twice");
            }
        }
        List<Check> checks = new ArrayList<>();
        for (JudgeItem item : items) {
            JudgeAnswer answer = byItem.get(item);
            if (answer == null) {
                throw new ProviderFailedException("the visual judge did not answer '" + item.wireName() + "'");
            }
            checks.add(check(answer));
        }
        return checks;
    }

    private static Check check(JudgeAnswer answer) {
        boolean doubted = !answer.passed() && answer.confidence() < MIN_CONFIDENCE;
        boolean passed = answer.passed() || doubted;
        String verdict = answer.passed()
                ? "judge: meets it"
                : doubted
                        ? String.format(Locale.ROOT, "judge doubts it (confidence %.2f)", answer.confidence())
                        : "judge: fails it";
        String detail = answer.reason().isEmpty() ? verdict : verdict + " — " + answer.reason();
        return new Check(
                answer.item().checkName(),
                passed,
                answer.confidence(),
                MIN_CONFIDENCE,
                "judge confidence",
                detail,
                passed ? "" : answer.item().fix());
    }

    /**
     * The judge's checks for one clip and, when it could not answer, why. The mode they were asked in decides where
     * they go: {@link #binding()} among the checks that count, {@link #advisory()} beside them.
     */
    public record Result(JudgeMode mode, List<Check> checks, String note) {
        public Result {
            checks = List.copyOf(checks);
            note = note == null ? "" : note;
        }

        /** The checks that count in the verdict: all of them in binding mode, none otherwise. */
        public List<Check> binding() {
            return mode == JudgeMode.BINDING ? checks : List.of();
        }

        /** The checks reported beside the verdict: all of them in advisory mode, none otherwise. */
        public List<Check> advisory() {
            return mode == JudgeMode.BINDING ? List.of() : checks;
        }
    }
}
