package dev.reelforge.media.animatic;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the subject is made of, read from the prompt's words: how it bounces and slides (restitution and friction
 * against a hard floor, the usual textbook ranges) and whether a hard landing breaks it. Unknown materials behave
 * like firm plastic.
 */
enum Material {
    CERAMIC(0.15, 0.3, 2.3, true, "ceramic|porcelain|stoneware|earthenware|china|terracotta pot|clay"),
    GLASS(0.2, 0.4, 2.5, true, "glass|crystal"),
    RUBBER(0.75, 0.9, 1.1, false, "rubber|bouncy|tennis|basketball|football|soccer"),
    WOOD(0.35, 0.45, 0.7, false, "wood|wooden|oak|pine|bamboo"),
    METAL(0.3, 0.35, 7.8, false, "metal|steel|iron|aluminium|aluminum|tin|brass|copper"),
    CARDBOARD(0.1, 0.6, 0.5, false, "cardboard|paper|carton"),
    PLASTIC(0.45, 0.4, 1.0, false, "");

    final double restitution;
    final double friction;
    /** Density relative to water, for the pieces' masses. */
    final double density;

    final boolean brittle;
    private final Pattern words;

    Material(double restitution, double friction, double density, boolean brittle, String words) {
        this.restitution = restitution;
        this.friction = friction;
        this.density = density;
        this.brittle = brittle;
        this.words = Pattern.compile("\\b(" + words + ")\\b");
    }

    /** The physics of core's material of a planned subject (core names more materials than behave differently here). */
    static Material of(dev.reelforge.core.scene.Material planned) {
        return switch (planned) {
            case CERAMIC -> CERAMIC;
            case GLASS, ICE -> GLASS;
            case RUBBER, FOAM -> RUBBER;
            case WOOD -> WOOD;
            case METAL -> METAL;
            case PAPER -> CARDBOARD;
            default -> PLASTIC;
        };
    }

    /**
     * The material named closest to the subject's noun ({@code nounStart..nounEnd} in {@code text}), within its
     * phrase ("a white ceramic mug", "a mug (glazed stoneware)"), so the table's wood is not the mug's. A subject
     * with no material (even a ball: "a rubber ball" or "a tennis ball" bounces high) is firm plastic.
     */
    static Material near(String text, int nounStart, int nounEnd) {
        String lower = text.toLowerCase(Locale.ROOT);
        Material found = null;
        int best = Integer.MAX_VALUE;
        for (Material material : values()) {
            if (material == PLASTIC) {
                continue;
            }
            var matcher = material.words.matcher(lower);
            while (matcher.find()) {
                int distance = Phrase.distance(matcher.start(), matcher.end(), nounStart, nounEnd);
                if (distance >= 0 && distance < best) {
                    found = material;
                    best = distance;
                }
            }
        }
        return found != null ? found : PLASTIC;
    }
}
