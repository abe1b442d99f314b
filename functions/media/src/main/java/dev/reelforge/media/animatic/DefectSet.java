package dev.reelforge.media.animatic;

import java.util.List;
import java.util.Optional;

/** The parsed defects of one render; a kind named twice keeps its last strength. */
public record DefectSet(List<Defect> defects) {
    public DefectSet {
        defects = List.copyOf(defects);
    }

    /** @throws IllegalArgumentException naming the first unknown or malformed defect */
    public static DefectSet parse(List<String> texts) {
        return new DefectSet(texts.stream().filter(t -> !t.isBlank()).map(Defect::parse).toList());
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
