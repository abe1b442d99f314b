package dev.reelforge.core.reference;

/**
 * A request's reference image once Validate has checked and stored it: what the workflow carries from state to
 * state (in the job ticket) so Submit can send it and review can compare against it, without reading the request's
 * key again.
 *
 * @param key the object the request named
 * @param sha256 the content's SHA-256 (part of the cache key)
 * @param originalKey the immutable, content-addressed copy of the original
 * @param fittedKey the copy fitted to the frame (the original's key when it already had the frame's size)
 * @param mediaType the fitted copy's type
 * @param fit the policy that made the fitted copy: {@code none} (already the frame's size), {@code crop}, {@code pad}
 */
public record ReferenceImage(
        String key, String sha256, String originalKey, String fittedKey, String mediaType, String fit) {
    /** A request without a reference image. */
    public static final ReferenceImage NONE = new ReferenceImage("", "", "", "", "", "");

    public ReferenceImage {
        key = key == null ? "" : key;
        sha256 = sha256 == null ? "" : sha256;
        originalKey = originalKey == null ? "" : originalKey;
        fittedKey = fittedKey == null ? "" : fittedKey;
        mediaType = mediaType == null ? "" : mediaType;
        fit = fit == null ? "" : fit;
    }

    public boolean present() {
        return !sha256.isEmpty();
    }
}
