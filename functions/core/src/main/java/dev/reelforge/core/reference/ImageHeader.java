package dev.reelforge.core.reference;

import dev.reelforge.core.error.InvalidRequestException;
import java.util.Arrays;

/**
 * What a reference image is, read from its bytes and never from its name: the type by magic bytes (PNG, JPEG,
 * WebP), the pixel size from the format's own header, and whether the file is whole (a PNG ends with {@code IEND},
 * a JPEG with its end-of-image marker, a WebP's RIFF size covers the file). Anything else is refused naming the
 * request field, before any provider is paid. Pure and thread-safe.
 *
 * <pre>{@code
 * ImageHeader header = ImageHeader.read(bytes, "referenceImage");  // PNG 1280x720
 * }</pre>
 */
public record ImageHeader(Format format, int width, int height, long bytes) {

    /** The image types providers accept as a first frame or a reference. */
    public enum Format {
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg"),
        WEBP("image/webp", "webp");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};

    /** Width over height. */
    public double aspect() {
        return (double) width / height;
    }

    public static ImageHeader read(byte[] image, String field) {
        if (image.length >= 33 && startsWith(image, PNG_SIGNATURE)) {
            return png(image, field);
        }
        if (image.length >= 4 && u8(image, 0) == 0xff && u8(image, 1) == 0xd8 && u8(image, 2) == 0xff) {
            return jpeg(image, field);
        }
        if (image.length >= 30 && ascii(image, 0, "RIFF") && ascii(image, 8, "WEBP")) {
            return webp(image, field);
        }
        throw InvalidRequestException.of(
                field, "not a PNG, JPEG or WebP image (checked by its first bytes, not its name)");
    }

    private static ImageHeader png(byte[] b, String field) {
        if (!ascii(b, 12, "IHDR")) {
            throw truncated(field, "PNG", "its first chunk is not IHDR");
        }
        if (!Arrays.equals(b, b.length - PNG_END.length, b.length, PNG_END, 0, PNG_END.length)) {
            throw truncated(field, "PNG", "it does not end with the IEND chunk");
        }
        return sized(Format.PNG, be32(b, 16), be32(b, 20), b.length, field);
    }

    private static ImageHeader jpeg(byte[] b, String field) {
        if (u8(b, b.length - 2) != 0xff || u8(b, b.length - 1) != 0xd9) {
            throw truncated(field, "JPEG", "it does not end with the end-of-image marker");
        }
        int at = 2;
        while (at + 9 < b.length) {
            if (u8(b, at) != 0xff) {
                throw truncated(field, "JPEG", "a segment marker is missing at byte " + at);
            }
            int marker = u8(b, at + 1);
            if (marker == 0xff) {
                at++;
                continue;
            }
            int length = (u8(b, at + 2) << 8) | u8(b, at + 3);
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                int height = (u8(b, at + 5) << 8) | u8(b, at + 6);
                int width = (u8(b, at + 7) << 8) | u8(b, at + 8);
                return sized(Format.JPEG, width, height, b.length, field);
            }
            if (marker == 0xd9 || marker == 0xda || length < 2) {
                break;
            }
            at += 2 + length;
        }
        throw truncated(field, "JPEG", "it has no frame header giving its size");
    }

    private static ImageHeader webp(byte[] b, String field) {
        long riffSize = le32(b, 4) & 0xffffffffL;
        if (riffSize + 8 > b.length) {
            throw truncated(
                    field, "WebP", "its RIFF header promises " + (riffSize + 8) + " bytes, the file has " + b.length);
        }
        if (ascii(b, 12, "VP8 ") && u8(b, 23) == 0x9d && u8(b, 24) == 0x01 && u8(b, 25) == 0x2a) {
            return sized(Format.WEBP, le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff, b.length, field);
        }
        if (ascii(b, 12, "VP8L") && u8(b, 20) == 0x2f) {
            int bits = le32(b, 21);
            return sized(Format.WEBP, (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, b.length, field);
        }
        if (ascii(b, 12, "VP8X")) {
            int width = (u8(b, 24) | u8(b, 25) << 8 | u8(b, 26) << 16) + 1;
            int height = (u8(b, 27) | u8(b, 28) << 8 | u8(b, 29) << 16) + 1;
            return sized(Format.WEBP, width, height, b.length, field);
        }
        throw truncated(field, "WebP", "it has no VP8, VP8L or VP8X chunk giving its size");
    }

    private static ImageHeader sized(Format format, int width, int height, long bytes, String field) {
        if (width <= 0 || height <= 0) {
            throw InvalidRequestException.of(
                    field, "the " + format + " header gives a size of " + width + "x" + height + " px");
        }
        return new ImageHeader(format, width, height, bytes);
    }

    private static InvalidRequestException truncated(String field, String format, String why) {
        return InvalidRequestException.of(field, "the " + format + " image is truncated or damaged: " + why);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static int be32(byte[] b, int at) {
        return u8(b, at) << 24 | u8(b, at + 1) << 16 | u8(b, at + 2) << 8 | u8(b, at + 3);
    }

    private static int le16(byte[] b, int at) {
        return u8(b, at) | u8(b, at + 1) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }
}
