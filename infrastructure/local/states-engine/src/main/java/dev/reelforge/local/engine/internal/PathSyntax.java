package dev.reelforge.local.engine.internal;

import java.util.Optional;

/** The three roots a JSONPath field may start from: {@code $} (the input), {@code $$} (the context), {@code $name} (a variable). */
final class PathSyntax {
    private PathSyntax() {}

    /** The variable a path starts from, or empty for an input or context path. Cheap: every path read asks. */
    static Optional<String> variableName(String path) {
        if (path.length() < 2 || path.charAt(0) != '$' || !startsName(path.charAt(1))) {
            return Optional.empty();
        }
        int end = 2;
        while (end < path.length() && continuesName(path.charAt(end))) {
            end++;
        }
        return Optional.of(path.substring(1, end));
    }

    private static boolean startsName(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean continuesName(char c) {
        return startsName(c) || (c >= '0' && c <= '9');
    }

    /** The path rewritten to start at {@code $}, so that Jayway can check the rest of it. */
    static String relative(String path) {
        if (path.startsWith("$$")) {
            return path.substring(1);
        }
        return variableName(path)
                .map(name -> "$" + path.substring(1 + name.length()))
                .orElse(path);
    }

    /** A syntax problem with a JSONPath field that may start from any of the three roots, or empty. */
    static Optional<String> syntaxError(String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.of("'" + path + "' is not a JSONPath");
        }
        if (variableName(path).filter("states"::equals).isPresent()) {
            return Optional.of("'$states' is reserved for JSONata");
        }
        return JsonPaths.syntaxError(relative(path));
    }
}
