package dev.reelforge.media.animatic;

import java.util.Locale;
import java.util.regex.Pattern;

/** How the subject moves during a beat, read from its verbs; {@link #SWAY} when the text names no motion. */
enum Motion {
    FALL(
            "fall(s|ing)?|fell|(?<!(the|a|an|each|one|dew|rain|water|tear) )drop(s|ped|ping)?|tip(s|ped|ping)?|topples?|knocked"
                    + "|(slip(s|ped|ping)?|slid(e|es)?|roll(s|ed)?|tumbles?) off"),
    SLIDE("slid(e|es|ing)?|push(es|ed)?|roll(s|ed|ing)?|mov(e|es|ing)|glid(e|es|ing)"),
    ROTATE("rotat(e|es|ing)|spin(s|ning)?|turn(s|ing)?|twirl(s|ing)?"),
    SWAY("");

    private static final Pattern TIPS = Pattern.compile("\\b(tip(s|ped|ping)?|topples?|knocked)\\b");
    private static final Pattern SHATTERS =
            Pattern.compile("\\b(shatter(s|ed|ing)?|break(s|ing)?|broke(n)?|smash(es|ed)?)\\b");
    private static final Pattern IMPACT =
            Pattern.compile("\\b(impact|hit(s)?|land(s|ing)?|crash(es)?|thud|shatter(s|ing)?|smash)\\b");

    private final Pattern words;

    Motion(String words) {
        this.words = Pattern.compile("\\b(" + words + ")\\b");
    }

    /** The beat's motion; a subject that breaks with no other motion named fell (it broke on landing). */
    static Motion fromText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Motion motion : values()) {
            if (motion != SWAY && motion.words.matcher(lower).find()) {
                return motion;
            }
        }
        return shatters(text) ? FALL : SWAY;
    }

    static boolean tips(String text) {
        return TIPS.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    static boolean shatters(String text) {
        return SHATTERS.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether an audio cue's text describes the moment of impact the fall must land on. */
    static boolean isImpactCue(String text) {
        return IMPACT.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
