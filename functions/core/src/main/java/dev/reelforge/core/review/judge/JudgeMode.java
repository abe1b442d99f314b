package dev.reelforge.core.review.judge;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the judge's answers do. {@code off}: no judge. {@code advisory}: its answers are reported beside the checks
 * and never change a verdict, and a judge that cannot answer leaves a warning. {@code binding}: its failed items
 * count as failed checks, so a judge that cannot answer fails the review.
 */
public enum JudgeMode {
    OFF,
    ADVISORY,
    BINDING;

    public static JudgeMode parse(String text) {
        String wanted = text == null || text.isBlank() ? "off" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "judge mode must be off, advisory or binding, not '" + text + "'"));
    }
}
