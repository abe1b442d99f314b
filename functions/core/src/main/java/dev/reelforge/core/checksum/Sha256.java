package dev.reelforge.core.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lower-case hex SHA-256, the one checksum Reelforge records: content addresses, provider originals, outputs and
 * the provenance record all use it, so they all go through here.
 */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw 32-byte digest, for signatures over a hash (ECDSA's pre-hashed message). */
    public static byte[] digestOf(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** Copies {@code in} to {@code out} (neither is closed), hashing the bytes on the way; one pass, constant memory. */
    public static Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = digest();
        long bytes = in.transferTo(new DigestOutputStream(out, digest));
        return new Copied(bytes, HexFormat.of().formatHex(digest.digest()));
    }

    /** What {@link #copy} moved: its length and lower-case hex SHA-256. */
    public record Copied(long bytes, String hex) {}

    /** Streams the file, so clips of any size hash in constant memory. */
    public static String hexOfFile(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
