package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for intrinsic function calls:
 * <pre>
 * call    := NAME '(' [arg (',' arg)*] ')'
 * arg     := call | 'string' | number | true | false | null | path
 * </pre>
 * A path runs from {@code $} to the next top-level comma or closing parenthesis, so filters and
 * bracketed names containing those characters still work.
 */
public final class IntrinsicParser {
    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException with a position-bearing message on malformed input */
    public static IntrinsicExpr.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        IntrinsicExpr.Call call = parser.call();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected trailing text");
        }
        return call;
    }

    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    private IntrinsicExpr.Call call() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (!name.startsWith("States.") || name.length() == "States.".length()) {
            throw error("expected a States.* function name");
        }
        skipSpaces();
        expect('(');
        List<IntrinsicExpr> args = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
            return new IntrinsicExpr.Call(name, args);
        }
        while (true) {
            args.add(argument());
            skipSpaces();
            char c = peek();
            pos++;
            if (c == ')') {
                return new IntrinsicExpr.Call(name, List.copyOf(args));
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ')'");
            }
        }
    }

    private IntrinsicExpr argument() {
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            return text();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (text.startsWith("States.", pos)) {
            return call();
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return new IntrinsicExpr.Literal(
                        switch (word) {
                            case "true" -> BooleanNode.TRUE;
                            case "false" -> BooleanNode.FALSE;
                            default -> NullNode.getInstance();
                        });
            }
        }
        throw error("unexpected argument");
    }

    private IntrinsicExpr.Text text() {
        int start = ++pos;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && peek() != '\'') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("dangling escape");
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        if (pos >= text.length()) {
            throw error("unterminated string literal");
        }
        String raw = text.substring(start, pos++);
        return new IntrinsicExpr.Text(value.toString(), raw);
    }

    private IntrinsicExpr.PathRef path() {
        int start = pos;
        int depth = 0;
        Character quote = null;
        while (pos < text.length()) {
            char c = peek();
            if (quote != null) {
                if (c == quote) {
                    quote = null;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        return new IntrinsicExpr.PathRef(text.substring(start, pos).trim());
    }

    private IntrinsicExpr.Literal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(peek()) || ".eE+-".indexOf(peek()) >= 0)) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            BigDecimal number = new BigDecimal(token);
            if (token.matches("-?\\d+")) {
                long asLong = number.longValueExact();
                return new IntrinsicExpr.Literal(
                        asLong == (int) asLong ? IntNode.valueOf((int) asLong) : LongNode.valueOf(asLong));
            }
            return new IntrinsicExpr.Literal(DoubleNode.valueOf(number.doubleValue()));
        } catch (ArithmeticException | NumberFormatException e) {
            throw error("invalid number '" + token + "'");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(
                "Invalid intrinsic function " + text + ": " + message + " at position " + pos);
    }
}
