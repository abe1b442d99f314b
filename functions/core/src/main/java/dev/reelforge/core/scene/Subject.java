package dev.reelforge.core.scene;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Something the clip shows, as the prompt describes it: "a heavy white ceramic mug (about 350 g)" is the noun
 * {@code mug}, colour {@code white}, material {@link Material#CERAMIC}, 350 g. {@code colour} is empty when the
 * prompt names none, {@code material} null when it names none, {@code massGrams} null when it states no weight.
 * {@code count} is how many there are ("two apples"); {@code pieces} how many pieces it breaks into ("shatters
 * into three pieces"), 0 when it does not break. A person's {@code clothing} is what they wear ("in a blue dress"),
 * in the prompt's order, and their colour that of the first garment; {@code liquid} is what a container holds or
 * spills ("a mug of coffee", "water spills"), empty when none; {@code name} a person's or an animal's proper name
 * ("Maya, a woman in a blue dress", "a dog named Rex"), empty when the prompt gives none.
 */
public record Subject(
        String noun,
        String colour,
        Material material,
        Double massGrams,
        int count,
        int pieces,
        List<Garment> clothing,
        String liquid,
        String name) {
    /** The nouns of people, singular, as the plan names them. */
    static final String PEOPLE_NOUNS = "woman|man|girl|boy|child|person|chef|baker|barista|dancer|skater|runner|cyclist"
            + "|waiter|waitress|musician|mother|father|mom|dad|grandmother|grandfather|grandma|grandpa|teenager|student"
            + "|teacher|doctor|nurse|farmer|athlete|player|singer|guitarist|actor|actress|astronaut|soldier|firefighter"
            + "|pilot|lady|guy|gardener|photographer|surfer|hiker|climber|boxer|skier|swimmer|bride|groom";
    /** The nouns of four-legged animals (and fish), as the plan names them. */
    static final String ANIMAL_NOUNS = "dog|cat|horse|fox|rabbit|fish|deer|cow|sheep|pig|bear|squirrel|mouse|goat|wolf"
            + "|lion|tiger|elephant|giraffe|monkey|zebra|donkey|lamb|calf|hamster";
    /** The nouns of birds. */
    static final String BIRD_NOUNS =
            "bird|parrot|duck|owl|hummingbird|gull|seagull|pigeon|sparrow|robin|crow|eagle|hawk"
                    + "|swan|goose|chicken|hen|rooster|penguin|flamingo";

    private static final Pattern PEOPLE = Pattern.compile(PEOPLE_NOUNS);
    private static final Pattern ANIMALS = Pattern.compile(ANIMAL_NOUNS);
    /** The animals and birds, whose proper names the plan reads too ("a dog named Rex"). */
    static final Pattern ANIMAL_NAMES = Pattern.compile(ANIMAL_NOUNS + "|" + BIRD_NOUNS);

    private static final Pattern BIRDS = Pattern.compile(BIRD_NOUNS);

    public Subject {
        if (noun == null || noun.isBlank()) {
            throw new IllegalArgumentException("a subject needs a noun");
        }
        colour = colour == null ? "" : colour;
        if (count < 1 || pieces < 0) {
            throw new IllegalArgumentException(
                    "count must be positive and pieces not negative: " + count + ", " + pieces);
        }
        clothing = List.copyOf(clothing);
        liquid = liquid == null ? "" : liquid;
        name = name == null ? "" : name;
    }

    /** A subject that wears nothing named, holds no liquid and has no proper name. */
    public Subject(String noun, String colour, Material material, Double massGrams, int count, int pieces) {
        this(noun, colour, material, massGrams, count, pieces, List.of(), "", "");
    }

    /** Whether the subject is a person (a woman, a chef, a dancer, …). */
    public boolean isPerson() {
        return PEOPLE.matcher(noun).matches();
    }

    /** Whether the subject is an animal (a dog, a cat, a bird, …). */
    public boolean isAnimal() {
        return ANIMALS.matcher(noun).matches() || isBird();
    }

    /** Whether the subject is a bird (a parrot, a gull, a hen, …). */
    public boolean isBird() {
        return BIRDS.matcher(noun).matches();
    }

    /** Whether the prompt says it breaks apart. */
    public boolean breaks() {
        return pieces > 1;
    }
}
