package dev.reelforge.media.animatic;

/**
 * How one person or animal of the cast looks. A person: the colours of what dresses the torso, the legs and the feet
 * ({@code dress}: one garment from the shoulders to below the knees), skin and hair, and a hat's colour
 * ({@link #NONE} without one). An animal or a bird: its coat in {@code body}, its legs, ears or beak in {@code legs}.
 * {@code name} is the proper name the prompt gives it ("Maya"), else the plan's noun ("woman"): who it is.
 */
record Figure(
        SubjectShape kind,
        String name,
        int body,
        int legs,
        int feet,
        int skin,
        int hair,
        boolean longHair,
        boolean dress,
        int hat) {
    static final int NONE = -1;
}
