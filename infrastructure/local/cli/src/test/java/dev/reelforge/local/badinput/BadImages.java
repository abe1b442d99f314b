package dev.reelforge.local.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.reference.ReferenceKeys;
import dev.reelforge.core.testing.Stills;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The bad reference images of the bad-input corpus: a good request ({@link BadInputCorpus#good}) whose
 * {@code referenceImage} names an image that must be refused before any spend, naming the field. The CLI reads a
 * local file beside the request file, {@code reelforge serve} an object in the bucket, so each entry point has its
 * own list: the same bad bytes (a GIF named {@code .png}, a truncated PNG, a 1×20000 PNG), plus what only that entry
 * point can be sent (a path leaving the request's folder through {@code ..} or a symbolic link; a key outside the
 * tenant's prefix or through {@code ..}).
 */
public final class BadImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadImages() {}

    /** Where the image lies, relative to what the request names. */
    public enum Placement {
        /** A file beside the request file, or an object at the key named. */
        HERE,
        /** A file one folder above the request file's, named through {@code ..}. */
        ABOVE,
        /** A symbolic link beside the request file to a file one folder above it. */
        LINK,
        /** Nothing is stored: the name alone is refused. */
        NONE
    }

    /**
     * One bad image.
     *
     * @param value what the request's {@code referenceImage} says
     * @param file the file's or object's name where it is stored ({@code value} for {@link Placement#HERE})
     */
    public record BadImage(String name, String value, String file, byte[] bytes, Placement placement) {
        public BadImage {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The request naming the image, as the corpus's entries are. */
        public BadInputCorpus.BadRequest request() {
            try {
                return new BadInputCorpus.BadRequest(
                        "image-" + name,
                        JSON.writeValueAsString(
                                BadInputCorpus.good("img-" + name).put(ReferenceKeys.FIELD, value)),
                        Set.of(ReferenceKeys.FIELD));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A GIF named .png, a PNG cut off half way, and a 1×20000 PNG: the same bytes for every entry point. */
    private static List<BadImage> content(String prefix) {
        byte[] png = Stills.png(64, 64, 3);
        byte[] gif = ("GIF89a" + "\u0001\u0000\u0001\u0000\u0080\u0000\u0000").getBytes(StandardCharsets.ISO_8859_1);
        return List.of(
                here("wrong-type", prefix + "gif-named.png", gif),
                here("truncated", prefix + "truncated.png", Arrays.copyOf(png, png.length / 2)),
                here("too-large", prefix + "one-by-twenty-thousand.png", Stills.png(1, 20000, 0)));
    }

    private static BadImage here(String name, String value, byte[] bytes) {
        return new BadImage(name, value, value, bytes, Placement.HERE);
    }

    /** For the CLI: local files, named relative to the request file. */
    public static List<BadImage> files() {
        byte[] good = Stills.png(64, 64, 1);
        List<BadImage> all = new ArrayList<>(content("bad-"));
        all.add(new BadImage("dot-dot", "../outside.png", "outside.png", good, Placement.ABOVE));
        all.add(new BadImage("symlink", "linked.png", "outside-linked.png", good, Placement.LINK));
        all.add(new BadImage("key-dot-dot", "requests/demo/../../other/ref.png", "", new byte[0], Placement.NONE));
        return List.copyOf(all);
    }

    /** For the API ({@code reelforge serve}): objects in the bucket, named by key. */
    public static List<BadImage> keys() {
        List<BadImage> all = new ArrayList<>(content("references/demo/bad-input/"));
        all.add(new BadImage(
                "other-tenant",
                "references/other/ref.png",
                "references/other/ref.png",
                Stills.png(64, 64, 1),
                Placement.HERE));
        all.add(new BadImage("key-dot-dot", "references/demo/../other/ref.png", "", new byte[0], Placement.NONE));
        return List.copyOf(all);
    }
}
