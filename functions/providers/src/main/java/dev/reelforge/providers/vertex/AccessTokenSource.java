package dev.reelforge.providers.vertex;

/**
 * Gives a current OAuth 2.0 access token for Google Cloud APIs. Implementations cache the token until shortly before
 * it expires and are thread-safe; the token is a credential and is never logged.
 */
@FunctionalInterface
public interface AccessTokenSource {
    String accessToken();
}
