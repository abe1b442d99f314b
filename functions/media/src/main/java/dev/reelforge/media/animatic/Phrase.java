package dev.reelforge.media.animatic;

/** Whether a word belongs to a noun's phrase: the few words before the noun, or a parenthesis right after it. */
final class Phrase {
    /** Characters before the noun that still describe it ("a heavy white glazed ceramic mug"). */
    static final int BEFORE = 40;
    /** Characters after it ("mug (about 350 g, glazed stoneware)"). */
    static final int AFTER = 45;

    private Phrase() {}

    /** How far the word {@code start..end} is from the noun {@code nounStart..nounEnd}, or −1 outside its phrase. */
    static int distance(int start, int end, int nounStart, int nounEnd) {
        if (end <= nounStart && nounStart - end <= BEFORE) {
            return nounStart - end;
        }
        if (start >= nounEnd && start - nounEnd <= AFTER) {
            return start - nounEnd + 1;
        }
        return -1;
    }
}
