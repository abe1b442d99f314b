package dev.reelforge.core.scene;

/**
 * Something the clip shows, as the prompt describes it: "a heavy white ceramic mug (about 350 g)" is the noun
 * {@code mug}, colour {@code white}, material {@link Material#CERAMIC}, 350 g. {@code colour} is empty when the
 * prompt names none, {@code material} null when it names none, {@code massGrams} null when it states no weight.
 * {@code count} is how many there are ("two apples"); {@code pieces} how many pieces it breaks into ("shatters
 * into three pieces"), 0 when it does not break.
 */
public record Subject(String noun, String colour, Material material, Double massGrams, int count, int pieces) {
    public Subject {
        if (noun == null || noun.isBlank()) {
            throw new IllegalArgumentException("a subject needs a noun");
        }
        colour = colour == null ? "" : colour;
        if (count < 1 || pieces < 0) {
            throw new IllegalArgumentException("count must be positive and pieces not negative: " + count + ", " + pieces);
        }
    }

    /** Whether the prompt says it breaks apart. */
    public boolean breaks() {
        return pieces > 1;
    }
}
