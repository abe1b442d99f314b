package dev.reelforge.local.cli;

/**
 * Text from a request (a field name, a value the message quotes) made safe for a terminal line: control characters,
 * line breaks, bidirectional overrides, zero-width and other invisible format characters and lone surrogates are
 * written as &#92;uXXXX, so a request cannot clear the screen, retitle the window, reorder what the user reads
 * or split a one-line rejection. For example a tenant of "acme", U+202E (right-to-left override), "gpj.exe" prints as
 * the ASCII text acme&#92;u202egpj.exe.
 */
final class Printable {
    private Printable() {}

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hidden(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hidden(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1))
                    || hiddenType(text.codePointAt(i));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)) || hiddenType(text.codePointAt(i - 1));
        }
        return hiddenType(c);
    }

    private static boolean hiddenType(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
