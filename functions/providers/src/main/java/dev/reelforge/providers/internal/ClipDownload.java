package dev.reelforge.providers.internal;

import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.ProviderThrottledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a provider's video answer to a file whole or not at all, checking its Content-Type (a gateway's error page
 * arrives with status 200 and a complete Content-Length) and its length against Content-Length, and computing its
 * SHA-256 on the way, so a cut or substituted transfer is downloaded again rather than stored as a clip. Both faults
 * are {@link CorruptDownloadException}; the MP4 structure itself is checked by Poll.
 */
public final class ClipDownload {
    private static final Logger log = LoggerFactory.getLogger(ClipDownload.class);
    /** Types servers give MP4 files besides {@code video/*}: S3 and CDNs default to octet-stream. */
    private static final Set<String> OPAQUE = Set.of("application/octet-stream", "binary/octet-stream", "application/mp4");

    private ClipDownload() {}

    /** Streams the 2xx {@code response}, which must be a video, to {@code target}; returns the SHA-256 written. */
    public static String write(HttpResponse<InputStream> response, Path target, String provider) {
        return write(response, target, provider, "video/");
    }

    /**
     * Streams the 2xx {@code response} to {@code target} if its Content-Type starts with {@code typePrefix} (or is
     * absent or opaque); returns the SHA-256 of what was written.
     */
    public static String write(HttpResponse<InputStream> response, Path target, String provider, String typePrefix) {
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT)
                .replaceAll(";.*", "").strip();
        if (!type.isEmpty() && !type.startsWith(typePrefix) && !OPAQUE.contains(type)) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the body is not wanted
            }
            throw new CorruptDownloadException(provider + " served the finished " + typePrefix.replace("/", "") + " as '"
                    + ProviderErrors.clean(type) + "', not a " + typePrefix + "* file (an error page in its place?)");
        }
        Path absolute = target.toAbsolutePath();
        try (InputStream in = response.body()) {
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long written;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    written = in.transferTo(out);
                }
                long expected = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (written == 0 || (expected >= 0 && expected != written)) {
                    throw new CorruptDownloadException(provider + " sent " + written + " of "
                            + (expected >= 0 ? expected : "an unknown number of") + " bytes of the clip (cut short)");
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                String checksum = HexFormat.of().formatHex(sha256.digest());
                log.info("{} clip downloaded: {} bytes, sha256 {}", provider, written, checksum);
                return checksum;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new ProviderThrottledException(provider + " clip transfer to " + absolute.getFileName() + " broke off ("
                    + e.getClass().getSimpleName() + "); retrying the download");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
