package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The syntax tree of an intrinsic function expression such as {@code States.Format('{}', $.a)}. */
public sealed interface IntrinsicExpr {
    /** A number, boolean or null literal. */
    record Literal(JsonNode value) implements IntrinsicExpr {}

    /**
     * A quoted string: {@code value} has escapes resolved; {@code raw} keeps them, because
     * States.Format must tell an escaped {@code \{} from a placeholder.
     */
    record Text(String value, String raw) implements IntrinsicExpr {}

    /** A {@code $} or {@code $$} path argument. */
    record PathRef(String path) implements IntrinsicExpr {}

    record Call(String function, List<IntrinsicExpr> arguments) implements IntrinsicExpr {}
}
