package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.reference.ReferenceKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CLI's {@code referenceImage} (and {@code lastFrame}, {@code referenceImages[].image}): a local file, relative to the request file, uploaded to the clip store under
 * {@code references/<tenant>/local/<sha256>} so Validate reads it as the API's callers' keys are read. A value that
 * already names this tenant's prefix ({@code references/<tenant>/…}, {@code requests/<tenant>/…}) is a key and is
 * left alone, and so is any value of a request whose tenant is malformed (Validate refuses that request by its
 * tenant). The file must stay inside the request file's folder: a path that leaves it through {@code ..} or a
 * symbolic link is refused, so a shared request file cannot make the CLI upload {@code ~/.ssh/id_rsa}.
 */
final class LocalReference {
    /** Twice the largest limit in the capability data; Validate applies the model's own limit afterwards. */
    static final long MAX_BYTES = 40L * 1000 * 1000;

    private LocalReference() {}

    /**
     * Uploads each local image the request names, {@code referenceImage}, {@code lastFrame} and each
     * {@code referenceImages[].image}, and puts its key in its place.
     */
    static void uploadAll(Path requestFile, ObjectNode request, ClipStore store) throws RequestFile.UserInputException {
        String tenant = request.get("tenant").asText();
        for (String field : new String[] {ReferenceKeys.FIELD, "lastFrame"}) {
            if (request.path(field).isTextual()) {
                request.put(
                        field, upload(requestFile, tenant, request.get(field).asText(), store, field));
            }
        }
        for (JsonNode entry : request.path("referenceImages")) {
            if (entry.isObject() && entry.path("image").isTextual()) {
                ((ObjectNode) entry)
                        .put(
                                "image",
                                upload(requestFile, tenant, entry.get("image").asText(), store, "referenceImages"));
            }
        }
    }

    static String upload(Path requestFile, String tenant, String value, ClipStore store)
            throws RequestFile.UserInputException {
        return upload(requestFile, tenant, value, store, ReferenceKeys.FIELD);
    }

    private static String upload(Path requestFile, String tenant, String value, ClipStore store, String field)
            throws RequestFile.UserInputException {
        if (!isLocal(tenant, value)) {
            return value;
        }
        byte[] bytes = read(requestFile, value, field);
        String key = "references/" + StorageKeys.safe(tenant) + "/local/" + Sha256.hex(bytes);
        if (!store.exists(key)) {
            store.putBytes(key, bytes, "application/octet-stream");
        }
        return key;
    }

    /** Whether {@code value} names a local file rather than a key under the tenant's prefixes. */
    static boolean isLocal(String tenant, String value) {
        return tenant.matches("^[a-z0-9][a-z0-9-]{1,39}$")
                && !value.startsWith("references/" + tenant + "/")
                && !value.startsWith("requests/" + tenant + "/");
    }

    /** The local file's bytes, refusing a path that leaves the request file's folder. */
    static byte[] read(Path requestFile, String value) throws RequestFile.UserInputException {
        return read(requestFile, value, ReferenceKeys.FIELD);
    }

    /** The same, naming {@code field} in a refusal. */
    static byte[] read(Path requestFile, String value, String field) throws RequestFile.UserInputException {
        Path folder = requestFile.toAbsolutePath().getParent();
        Path file = folder.resolve(value).normalize();
        if (!file.startsWith(folder)) {
            throw refused(field, value, "leaves the request file's folder " + folder);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath()) || Files.isSymbolicLink(file)) {
                throw refused(field, value, "is or passes through a symbolic link out of the request file's folder");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(field, value, "is not a regular file");
            }
            if (Files.size(real) > MAX_BYTES) {
                throw refused(field, value, "is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw refused(field, value, "does not exist (paths are relative to the request file)");
        } catch (IOException e) {
            throw refused(field, value, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static RequestFile.UserInputException refused(String field, String value, String why) {
        return new RequestFile.UserInputException(field + ": the file '" + value + "' " + why);
    }
}
