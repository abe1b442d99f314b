package dev.reelforge.local.engine;

import java.util.List;

/**
 * Thrown by {@link StateMachine#parse(String)} for a definition AWS would accept that uses a feature the local engine
 * does not run (an ItemReader reading PARQUET, a Task's Credentials, …). Refusing it names the field, where
 * accepting it would silently run something else than AWS runs. {@code reelforge serve} answers it with a
 * ValidationException.
 */
public class UnsupportedFeatureException extends InvalidDefinitionException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(List<String> problems) {
        super(problems);
    }
}
