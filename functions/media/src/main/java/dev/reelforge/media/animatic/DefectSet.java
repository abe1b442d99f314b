package dev.reelforge.media.animatic;

import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.review.PromptRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parsed defects of one render; a kind named twice keeps its last strength. */
public record DefectSet(List<Defect> defects) {
    public DefectSet {
        defects = List.copyOf(defects);
    }

    /** @throws IllegalArgumentException naming the first unknown or malformed defect */
    public static DefectSet parse(List<String> texts) {
        return new DefectSet(
                texts.stream().filter(t -> !t.isBlank()).map(Defect::parse).toList());
    }

    /**
     * The defects this spec's render shows. The animatic obeys targeted fixes (simulated behaviour): a defect is
     * left out when the prompt or edit instruction carries the fix for the check that catches it (see
     * {@link PromptRevision#addressedChecks}), unless it is marked persistent with a trailing {@code !}.
     */
    public static DefectSet forSpec(GenerationSpec spec) {
        Set<String> fixed = PromptRevision.addressedChecks(spec.prompt() + "\n" + spec.editInstruction());
        List<Defect> kept = new ArrayList<>();
        for (String text : spec.defects()) {
            if (text.isBlank()) {
                continue;
            }
            Defect defect = Defect.parse(text);
            if (text.strip().endsWith("!") || !fixed.contains(checkFor(defect.kind()))) {
                kept.add(defect);
            }
        }
        return new DefectSet(kept);
    }

    /** The review check that catches each defect kind. */
    static String checkFor(Defect.Kind kind) {
        return switch (kind) {
            case FLICKER -> "flicker";
            case BLUR -> "blur";
            case FREEZE -> "frozen";
            case BLACK -> "black";
            case AUDIO_OFFSET -> "av-sync";
            case CUT -> "unexpected-cut";
            case BLOCKY -> "blockiness";
        };
    }

    public static DefectSet none() {
        return new DefectSet(List.of());
    }

    public Optional<Defect> find(Defect.Kind kind) {
        Defect found = null;
        for (Defect defect : defects) {
            if (defect.kind() == kind) {
                found = defect;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean has(Defect.Kind kind) {
        return find(kind).isPresent();
    }

    public double strength(Defect.Kind kind) {
        return find(kind).map(Defect::strength).orElse(0.0);
    }

    public double audioOffsetSeconds() {
        return strength(Defect.Kind.AUDIO_OFFSET) / 1000.0;
    }
}
