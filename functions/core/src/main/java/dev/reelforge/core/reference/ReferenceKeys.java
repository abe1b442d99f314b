package dev.reelforge.core.reference;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.request.FrameSize;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a reference image may be read from and where its copies are kept. A request names an object under its
 * own tenant's prefix only, {@code references/<tenant>/…} or next to an uploaded request ({@code
 * requests/<tenant>/…}), so one tenant can never point a render at another's files. The original and the fitted
 * copy are stored under content addresses (their SHA-256), so once written they never change.
 */
public final class ReferenceKeys {
    /** The request field that names the image. */
    public static final String FIELD = "referenceImage";

    private static final Pattern SEGMENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final int MAX_KEY_CHARS = 512;

    private ReferenceKeys() {}

    /**
     * @return the key, unchanged, when it lies under the tenant's own prefixes
     * @throws InvalidRequestException naming {@link #FIELD} for any other key, {@code ..}, empty segments or
     *     characters outside {@code [A-Za-z0-9._-]}
     */
    public static String checked(String tenant, String key) {
        return checked(tenant, key, FIELD);
    }

    /** The same for another request field that names an image ({@code lastFrame}, {@code referenceImages[0].image}). */
    public static String checked(String tenant, String key, String field) {
        String safeTenant = StorageKeys.safe(tenant);
        if (key.length() > MAX_KEY_CHARS) {
            throw InvalidRequestException.of(field, "the key is longer than " + MAX_KEY_CHARS + " characters");
        }
        String[] segments = key.split("/", -1);
        boolean ownPrefix = segments.length >= 3
                && (segments[0].equals("references") || segments[0].equals("requests"))
                && segments[1].equals(safeTenant);
        if (!ownPrefix) {
            throw InvalidRequestException.of(
                    field,
                    "the image must be an object under references/" + safeTenant + "/ or requests/" + safeTenant
                            + "/ (this tenant's prefixes), not '" + key + "'");
        }
        for (String segment : segments) {
            if (segment.equals("..")
                    || segment.equals(".")
                    || !SEGMENT.matcher(segment).matches()) {
                throw InvalidRequestException.of(
                        field,
                        "each part of the key must be a plain name of letters, digits, '.', '_' or '-' (no '..', no"
                                + " empty part), not '" + segment + "' in '" + key + "'");
            }
        }
        return key;
    }

    /** The stored original, addressed by its content: {@code references/<tenant>/sha256/<hex>.<ext>}. */
    public static String original(String tenant, String sha256, ImageHeader.Format format) {
        return "references/" + StorageKeys.safe(tenant) + "/sha256/" + hex(sha256) + "." + format.extension();
    }

    /** The copy fitted to one frame size: {@code references/<tenant>/fitted/<hex>-<policy>-<W>x<H>.png}. */
    public static String fitted(String tenant, String sha256, String policy, FrameSize frame) {
        return "references/" + StorageKeys.safe(tenant) + "/fitted/" + hex(sha256) + "-"
                + policy.toLowerCase(Locale.ROOT) + "-" + frame.width() + "x" + frame.height() + ".png";
    }

    /**
     * A generated still, addressed by what made it: {@code references/<tenant>/generated/<hex>}, the SHA-256 of the
     * image model, the frame and the prompt, so the same prompt for the same frame is generated once.
     */
    public static String generated(String tenant, String sha256) {
        return "references/" + StorageKeys.safe(tenant) + "/generated/" + hex(sha256);
    }

    private static String hex(String sha256) {
        if (!sha256.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256;
    }
}
