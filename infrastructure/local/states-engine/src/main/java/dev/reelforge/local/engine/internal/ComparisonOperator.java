package dev.reelforge.local.engine.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Choice comparison operator decomposed into the value kind it tests, the relation, and whether
 * its operand is a path; e.g. {@code NumericLessThanEqualsPath} = (NUMERIC, LE, path).
 */
public record ComparisonOperator(String name, Kind kind, Relation relation, boolean path) {

    public enum Kind {
        STRING,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP,
        TYPE_TEST
    }

    public enum Relation {
        EQ,
        LT,
        GT,
        LE,
        GE,
        MATCHES,
        IS_NULL,
        IS_PRESENT,
        IS_NUMERIC,
        IS_STRING,
        IS_BOOLEAN,
        IS_TIMESTAMP
    }

    private static final Map<String, ComparisonOperator> BY_NAME = new HashMap<>();

    static {
        Map<String, Relation> relations = Map.of(
                "Equals",
                Relation.EQ,
                "LessThan",
                Relation.LT,
                "GreaterThan",
                Relation.GT,
                "LessThanEquals",
                Relation.LE,
                "GreaterThanEquals",
                Relation.GE);
        Map<String, Kind> kinds = Map.of("String", Kind.STRING, "Numeric", Kind.NUMERIC, "Timestamp", Kind.TIMESTAMP);
        kinds.forEach((kindName, kind) -> relations.forEach((relName, rel) -> {
            register(kindName + relName, kind, rel, false);
            register(kindName + relName + "Path", kind, rel, true);
        }));
        register("BooleanEquals", Kind.BOOLEAN, Relation.EQ, false);
        register("BooleanEqualsPath", Kind.BOOLEAN, Relation.EQ, true);
        register("StringMatches", Kind.STRING, Relation.MATCHES, false);
        register("IsNull", Kind.TYPE_TEST, Relation.IS_NULL, false);
        register("IsPresent", Kind.TYPE_TEST, Relation.IS_PRESENT, false);
        register("IsNumeric", Kind.TYPE_TEST, Relation.IS_NUMERIC, false);
        register("IsString", Kind.TYPE_TEST, Relation.IS_STRING, false);
        register("IsBoolean", Kind.TYPE_TEST, Relation.IS_BOOLEAN, false);
        register("IsTimestamp", Kind.TYPE_TEST, Relation.IS_TIMESTAMP, false);
    }

    private static void register(String name, Kind kind, Relation relation, boolean path) {
        BY_NAME.put(name, new ComparisonOperator(name, kind, relation, path));
    }

    public static Optional<ComparisonOperator> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
