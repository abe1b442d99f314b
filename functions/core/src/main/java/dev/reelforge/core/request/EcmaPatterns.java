package dev.reelforge.core.request;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The schema's {@code pattern}s as JSON Schema defines them (ECMA-262), where {@code $} is the end of the text. In
 * Java {@code $} also matches before a final line break, so {@code "acme\n"} passed the tenant's
 * {@code ^[a-z0-9][a-z0-9-]{1,39}$} and failed later, unnamed, at the storage keys. Each {@code $} that is neither
 * escaped nor in a character class becomes {@code \z}. Thread-safe.
 */
final class EcmaPatterns implements RegularExpressionFactory {
    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(javaOf(regex));
        return value -> pattern.matcher(value).find();
    }

    static String javaOf(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                inClass = c == '[' || inClass && c != ']';
                java.append(c);
            }
        }
        return java.toString();
    }
}
