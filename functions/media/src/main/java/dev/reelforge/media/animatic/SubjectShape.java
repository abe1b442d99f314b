package dev.reelforge.media.animatic;

import dev.reelforge.core.scene.Subject;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the beat's subject looks like, read from its words. Width is relative to the subject's height, and height
 * relative to the stage's subject size (a tabletop mug): a person stands taller than a mug, a bird is smaller. The
 * objects come first, so the thing a prompt drops or turns is the subject even when a person holds it; people and
 * animals are {@link #isFigure() figures}, drawn with their own parts and colours.
 */
enum SubjectShape {
    MUG(0.72, 1.0, "mugs?|cups?|teacups?"),
    GLASS(
            0.62,
            0.9,
            "wine glass(es)?|glass(es)?(?! (bottles?|jars?|vases?|bowls?|doors?|windows?|tables?|plinths?|tops?|shelf|shelves"
                    + "|cases?|beads?|marbles?|balls?))|tumblers?"),
    BOTTLE(0.36, 1.35, "bottles?"),
    CYLINDER(0.62, 1.0, "cans?|vases?|jars?"),
    BALL(1.0, 1.0, "balls?|spheres?|oranges?|apples?"),
    BOX(1.15, 1.0, "box(es)?|crates?|packages?|parcels?|books?|products?|gifts?"),
    PERSON(
            0.5,
            2.6,
            "wom[ae]n|m[ae]n|girls?|boys?|child(ren)?|kids?|person|people|chefs?|bakers?|baristas?|dancers?"
                    + "|skaters?|runners?|cyclists?|waiters?|waitress(es)?|musicians?"),
    ANIMAL(
            1.55,
            0.8,
            "dogs?|pupp(y|ies)|cats?|kittens?|foxe?s?|rabbits?|bunn(y|ies)|horses?|cows?|sheep|pigs?|bears?|deer"
                    + "|squirrels?|mice|mouse"),
    BIRD(1.2, 0.55, "birds?|parrots?|ducks?|owls?|pigeons?|sparrows?|robins?|chickens?|hens?"),
    BLOCK(0.9, 1.0, "");

    final double widthRatio;
    /** The subject's height as a share of the stage's subject size. */
    final double heightRatio;

    private final Pattern words;

    SubjectShape(double widthRatio, double heightRatio, String words) {
        this.widthRatio = widthRatio;
        this.heightRatio = heightRatio;
        this.words = Pattern.compile("\\b(" + words + ")\\b");
    }

    /** Whether the subject is a person or an animal, drawn by {@link FigurePainter}. */
    boolean isFigure() {
        return this == PERSON || this == ANIMAL || this == BIRD;
    }

    /** The shape of a scene plan's subject: a person, an animal or a bird as the plan knows them, else by its noun. */
    static SubjectShape of(Subject subject) {
        return subject.isPerson()
                ? PERSON
                : subject.isBird() ? BIRD : subject.isAnimal() ? ANIMAL : ofNoun(subject.noun());
    }

    /** The shape of a scene plan's noun ("mug", "woman", "dog"), BLOCK when none fits (the generic fallback). */
    static SubjectShape ofNoun(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        for (SubjectShape shape : values()) {
            if (shape != BLOCK && shape.words.matcher(lower).matches()) {
                return shape;
            }
        }
        return BLOCK;
    }

    /** Where the first subject noun of {@code text} is: {start, end}, or null when none is named. */
    static int[] nounIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] first = null;
        for (SubjectShape shape : values()) {
            if (shape == BLOCK) {
                continue;
            }
            var matcher = shape.words.matcher(lower);
            if (matcher.find() && (first == null || matcher.start() < first[0])) {
                first = new int[] {matcher.start(), matcher.end()};
            }
        }
        return first;
    }

    /** The first object shape the text names (in this enum's order), else the first figure, else BLOCK. */
    static SubjectShape fromText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (SubjectShape shape : values()) {
            if (shape != BLOCK && shape.words.matcher(lower).find()) {
                return shape;
            }
        }
        return BLOCK;
    }

    /**
     * The object the text names first ("a green glass bottle beside a wine glass" is a bottle), else BLOCK: a beat
     * about a person keeps the storyboard's subject.
     */
    static SubjectShape objectIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        SubjectShape first = BLOCK;
        int at = Integer.MAX_VALUE;
        for (SubjectShape shape : values()) {
            if (shape == BLOCK || shape.isFigure()) {
                continue;
            }
            var matcher = shape.words.matcher(lower);
            if (matcher.find() && matcher.start() < at) {
                first = shape;
                at = matcher.start();
            }
        }
        return first;
    }
}
