package dev.reelforge.core.media;

import java.util.List;

/**
 * What a reader found in a file's embedded C2PA manifest, after validating it.
 *
 * @param validationState the SDK's verdict: {@code Trusted} (signature, bindings and certificate chain to a trust
 *     anchor all hold), {@code Valid} (all hold but the signer is not on the trust list) or {@code Invalid}
 * @param failures validation failure codes with the SDK's explanation, e.g. {@code assertion.bmffHash.mismatch: …}
 * @param claimGenerator name and version of the software that signed the claim
 * @param issuer the signing certificate's issuer, as the SDK reports it
 * @param promptSha256 the {@value CredentialsManifest#PROMPT_ASSERTION} assertion's SHA-256, or empty
 */
public record CredentialsReport(
        String validationState,
        List<String> failures,
        String claimGenerator,
        String issuer,
        List<Action> actions,
        List<Ingredient> ingredients,
        String promptSha256) {

    public CredentialsReport {
        failures = List.copyOf(failures);
        actions = List.copyOf(actions);
        ingredients = List.copyOf(ingredients);
    }

    /** True when the signature, the hard binding and the certificate chain to a trust anchor all hold. */
    public boolean trusted() {
        return "Trusted".equals(validationState) && failures.isEmpty();
    }

    /** One action as read back: its name, the software agent and the digital source type (or empty). */
    public record Action(String action, String softwareAgent, String digitalSourceType) {}

    /**
     * One ingredient as read back.
     *
     * @param signedByItsMaker whether the ingredient carried its own manifest (e.g. a provider's), kept as its record
     */
    public record Ingredient(String title, String relationship, boolean signedByItsMaker) {}
}
