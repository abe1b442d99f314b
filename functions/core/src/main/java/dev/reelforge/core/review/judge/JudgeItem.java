package dev.reelforge.core.review.judge;

import java.util.Arrays;
import java.util.Optional;

/**
 * The items of the creator's checklist a vision-language model can judge from stills, each with the question it is
 * asked and the fix to try when it fails. Sound is not among them: a judge sees pictures only.
 */
public enum JudgeItem {
    PHYSICS(
            "physics",
            "Objects move plausibly for their weight and material: they fall under gravity, land and stop or bounce"
                    + " believably; nothing floats, passes through other objects or changes shape without cause.",
            "Make the motion physically plausible: objects fall under gravity and keep their weight and shape."),
    CONTINUITY(
            "continuity",
            "Within each beat the lighting, colours and the subject's identity stay consistent from frame to frame; no"
                    + " object appears, vanishes or duplicates without cause.",
            "Keep lighting, colours and the subject identical within each beat; no objects appearing or vanishing."),
    ARTIFACTS(
            "artifacts",
            "No generation artifacts: melting or warped shapes, smeared textures, garbled text, extra or missing"
                    + " parts, heavy blur or compression blocks.",
            "Clean, sharp, artifact-free detail; solid shapes that keep their form."),
    PROMPT_ADHERENCE(
            "prompt-adherence",
            "The stills show what the storyboard asks for: the named subject, setting and actions, in the order of"
                    + " the beats.",
            "Show exactly the storyboard's subject, setting and actions, beat by beat.");

    private final String wireName;
    private final String question;
    private final String fix;

    JudgeItem(String wireName, String question, String fix) {
        this.wireName = wireName;
        this.question = question;
        this.fix = fix;
    }

    public String wireName() {
        return wireName;
    }

    public String question() {
        return question;
    }

    public String fix() {
        return fix;
    }

    /** The name of the check this item becomes, e.g. {@code judge-physics}: never one of the measured checks. */
    public String checkName() {
        return "judge-" + wireName;
    }

    public static Optional<JudgeItem> fromWireName(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName.equals(name)).findFirst();
    }
}
