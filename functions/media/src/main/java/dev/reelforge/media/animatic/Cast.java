package dev.reelforge.media.animatic;

import dev.reelforge.core.scene.Garment;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people and animals of the storyboard's one world, from the scene plan: each person in the colours of what the
 * prompt says they wear ("a man in a red jacket and black trousers"), each a distinct figure (up to
 * {@link #MAX_PEOPLE}, one per person the plan counts, with their own skin, hair and, when the prompt names no
 * clothes, an outfit the seed picks), and the animals in their coat's colour. {@code lead} is the figure that plays
 * the storyboard's subject (null when the subject is an object); {@code extras} stand beside it.
 */
record Cast(Figure lead, List<Figure> extras) {
    static final int MAX_PEOPLE = 5;
    static final int MAX_ANIMALS = 3;
    static final Cast NONE = new Cast(null, List.of());
    private static final int[] SKIN = {0xF1C8A6, 0xDDA881, 0xB97E55, 0x8E5B3B, 0x6B4128};
    private static final int[] HAIR = {0x2B1D14, 0x5A3A22, 0xB08850, 0x161616, 0x7C7C7C, 0x8A3B1E};
    private static final int[] TROUSERS = {0x2E3D5C, 0x2F2F33, 0xA68A64, 0x4A4E57, 0x3B4A3A};
    private static final Map<String, Integer> COATS = Map.ofEntries(
            Map.entry("dog", 0x9A6A3C),
            Map.entry("cat", 0xD3893E),
            Map.entry("fox", 0xC8642C),
            Map.entry("rabbit", 0xB9AFA5),
            Map.entry("horse", 0x7A4A2A),
            Map.entry("cow", 0xEDEBE6),
            Map.entry("sheep", 0xE9E4D8),
            Map.entry("pig", 0xE7A9A4),
            Map.entry("bear", 0x5A3C26),
            Map.entry("deer", 0xA8744A),
            Map.entry("squirrel", 0xA45A2E),
            Map.entry("bird", 0x4F7FB8),
            Map.entry("parrot", 0x3BA54A),
            Map.entry("duck", 0xF2F0E8),
            Map.entry("owl", 0x8A6A4A));

    Cast {
        extras = List.copyOf(extras);
    }

    /**
     * The cast of {@code plan}, with the figure of kind {@code lead} (a person, an animal or a bird) playing the
     * subject, or none when the subject is an object.
     */
    static Cast of(ScenePlan plan, SubjectShape lead, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xCA57L);
        double outfits = random.nextDouble();
        List<Figure> figures = new ArrayList<>();
        int people = 0;
        int animals = 0;
        for (Subject subject : plan.subjects()) {
            SubjectShape kind = SubjectShape.of(subject);
            for (int copy = 0; copy < subject.count(); copy++) {
                if (kind == SubjectShape.PERSON && people < MAX_PEOPLE) {
                    figures.add(person(subject, people++, outfits, random));
                } else if ((kind == SubjectShape.ANIMAL || kind == SubjectShape.BIRD) && animals < MAX_ANIMALS) {
                    animals++;
                    figures.add(animal(subject, kind, random));
                }
            }
        }
        Figure playing = lead.isFigure()
                ? figures.stream().filter(f -> f.kind() == lead).findFirst().orElse(null)
                : null;
        if (playing != null) {
            figures.remove(playing);
        } else if (lead.isFigure()) {
            playing = lead == SubjectShape.PERSON
                    ? person(new Subject("person", "", null, null, 1, 0), people, outfits, random)
                    : animal(
                            new Subject(lead == SubjectShape.BIRD ? "bird" : "animal", "", null, null, 1, 0),
                            lead,
                            random);
        }
        return new Cast(playing, figures);
    }

    /** The {@code index}th person; an outfit the prompt leaves open is a hue {@code outfits} + index × the golden ratio. */
    private static Figure person(Subject subject, int index, double outfits, SplittableRandom random) {
        double hue = outfits + index * 0.618;
        Integer torso = null;
        Integer legs = null;
        Integer feet = null;
        Integer hat = null;
        boolean dress = false;
        for (Garment garment : subject.clothing()) {
            Integer colour = WorldLook.colour(garment.colour());
            switch (garment.covers()) {
                case TORSO -> torso = torso == null ? colour(colour, hue) : torso;
                case LEGS -> legs = legs == null ? colour(colour, hue + 0.5) : legs;
                case TORSO_AND_LEGS -> {
                    torso = colour(colour, hue);
                    dress = dress
                            || !"suit".equals(garment.item())
                                    && !"tracksuit".equals(garment.item())
                                    && !"overalls".equals(garment.item())
                                    && !"jumpsuit".equals(garment.item());
                    legs = legs == null && !dress ? torso : legs;
                }
                case HEAD -> hat = colour(colour, hue + 0.3);
                case FEET -> feet = colour(colour, hue);
            }
        }
        String noun = subject.noun();
        String name = subject.name().isEmpty() ? noun : subject.name();
        boolean feminine = noun.equals("woman") || noun.equals("girl");
        int skin = SKIN[(index * 2 + random.nextInt(SKIN.length)) % SKIN.length];
        int hair = HAIR[(index + random.nextInt(HAIR.length)) % HAIR.length];
        return new Figure(
                SubjectShape.PERSON,
                name,
                torso != null ? torso : Canvas.hsv(hue, 0.55, 0.78),
                legs != null
                        ? legs
                        : dress ? skin : TROUSERS[(index + random.nextInt(TROUSERS.length)) % TROUSERS.length],
                feet != null ? feet : 0x2A2522,
                skin,
                hair,
                feminine || random.nextInt(4) == 0,
                dress,
                hat != null ? hat : Figure.NONE);
    }

    private static Figure animal(Subject subject, SubjectShape kind, SplittableRandom random) {
        Integer named = WorldLook.colour(subject.colour());
        int coat = named != null
                ? named
                : COATS.getOrDefault(subject.noun(), Canvas.hsv(0.07 + 0.05 * random.nextDouble(), 0.5, 0.55));
        int accent = kind == SubjectShape.BIRD ? 0xE8A020 : Canvas.lit(coat, 0.7);
        return new Figure(
                kind,
                subject.name().isEmpty() ? subject.noun() : subject.name(),
                coat,
                accent,
                accent,
                coat,
                Canvas.lit(coat, 0.55),
                false,
                false,
                Figure.NONE);
    }

    private static int colour(Integer named, double hue) {
        return named != null ? named : Canvas.hsv(hue, 0.55, 0.78);
    }
}
