package dev.reelforge.local.engine.internal;

import java.util.Optional;

/** The two query languages of the States Language: the field {@code QueryLanguage} at the top level or on a state. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String wireName;

    QueryLanguage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<QueryLanguage> byWireName(String name) {
        for (QueryLanguage language : values()) {
            if (language.wireName.equals(name)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
