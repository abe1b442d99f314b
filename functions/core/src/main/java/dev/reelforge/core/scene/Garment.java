package dev.reelforge.core.scene;

import java.util.Locale;

/**
 * Something a person wears, as the prompt names it: "a man in a red jacket and black trousers" wears a {@code jacket}
 * coloured {@code red} and {@code trousers} coloured {@code black}. {@code colour} is empty when the prompt names
 * none. {@link #covers()} says which part of the body it dresses, so a renderer or a reviewer knows where to look for
 * its colour.
 */
public record Garment(String item, String colour) {
    /** The part of the body a garment covers. */
    public enum Covers {
        /** Shoulders to hips: a jacket, a shirt, a sweater. */
        TORSO,
        /** Hips to ankles: trousers, jeans, a skirt. */
        LEGS,
        /** Shoulders to knees or below: a dress, a coat, a gown. */
        TORSO_AND_LEGS,
        HEAD,
        FEET
    }

    public Garment {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("a garment needs an item");
        }
        item = item.toLowerCase(Locale.ROOT);
        colour = colour == null ? "" : colour;
    }

    public Covers covers() {
        return switch (item) {
            case "dress",
                    "gown",
                    "coat",
                    "raincoat",
                    "overcoat",
                    "trench coat",
                    "robe",
                    "kimono",
                    "apron",
                    "overalls",
                    "jumpsuit",
                    "uniform",
                    "suit",
                    "tracksuit",
                    "sari" -> Covers.TORSO_AND_LEGS;
            case "trousers", "pants", "jeans", "shorts", "skirt", "leggings", "slacks" -> Covers.LEGS;
            case "hat", "cap", "beanie", "helmet", "scarf", "headscarf" -> Covers.HEAD;
            case "shoes", "boots", "sneakers", "sandals", "heels", "trainers" -> Covers.FEET;
            default -> Covers.TORSO;
        };
    }
}
