package dev.reelforge.local.engine.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The three roots a JSONPath field may start from: {@code $} (the input), {@code $$} (the context), {@code $name} (a variable). */
final class PathSyntax {
    private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)");

    private PathSyntax() {}

    /** The variable a path starts from, or empty for an input or context path. */
    static Optional<String> variableName(String path) {
        Matcher matcher = VARIABLE.matcher(path);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The path rewritten to start at {@code $}, so that Jayway can check the rest of it. */
    static String relative(String path) {
        if (path.startsWith("$$")) {
            return path.substring(1);
        }
        return variableName(path).map(name -> "$" + path.substring(1 + name.length())).orElse(path);
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
