package dev.reelforge.media.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.core.port.ContentCredentials;
import dev.reelforge.core.port.ProvenanceSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@link ContentCredentials} through the C2PA SDK (c2pa-rs) in its C library {@code libc2pa_c}, called over JNA in
 * this process: the SDK builds the manifest, hashes the file (a BMFF hash for MP4, a data hash for JPEG), embeds it
 * and validates what it reads back; the signature comes from a {@link ProvenanceSigner} through the SDK's signer
 * callback, so the same ES256 key signs the JSON record and the credentials, locally or in KMS. No timestamp
 * authority is used: a signature is then valid only while its certificate is. Thread-safe: each call builds its own
 * SDK context.
 *
 * <pre>{@code
 * ContentCredentials credentials = C2paContentCredentials.local(Path.of(".reelforge/keys"), signer, Clock.systemUTC());
 * }</pre>
 */
public final class C2paContentCredentials implements ContentCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static C2paLibrary loaded;

    private final C2paLibrary library;
    private final ProvenanceSigner signer;
    private final String certificateChainPem;
    private final String settings;

    /**
     * @param certificateChainPem the signer's certificate first, then its issuers, PEM; the first must certify
     *     {@code signer}'s public key
     * @param trustAnchorsPem the CA certificates {@link #read} trusts, PEM
     */
    public C2paContentCredentials(ProvenanceSigner signer, String certificateChainPem, String trustAnchorsPem) {
        if (signer != null) {
            requireCertifies(certificateChainPem, signer);
        }
        this.library = library();
        this.signer = signer;
        this.certificateChainPem = certificateChainPem;
        ObjectNode settings = JSON.createObjectNode();
        if (trustAnchorsPem != null && !trustAnchorsPem.isBlank()) {
            settings.putObject("trust").put("trust_anchors", trustAnchorsPem);
        }
        settings.putObject("verify").put("verify_trust", true);
        this.settings = settings.toString();
    }

    /** A reader only, trusting {@code trustAnchorsPem}; {@link #embed} refuses. */
    public static C2paContentCredentials verifying(String trustAnchorsPem) {
        return new C2paContentCredentials(null, null, trustAnchorsPem);
    }

    /** Credentials signed by {@code signer} with a certificate from the local test CA under {@code keyDir}. */
    public static C2paContentCredentials local(Path keyDir, ProvenanceSigner signer, Clock clock) {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(keyDir, clock);
        return new C2paContentCredentials(
                signer, ca.issueSigningChain(signer.publicKeyDer(), "Reelforge local signer"), ca.trustAnchorPem());
    }

    /**
     * Refuses a chain whose first certificate is for another key than the signer's: the SDK would sign, and every file
     * would carry credentials that no reader validates.
     */
    private static void requireCertifies(String certificateChainPem, ProvenanceSigner signer) {
        Certificate first;
        try {
            first = CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(certificateChainPem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "the C2PA certificate chain does not start with a PEM X.509 certificate: " + e.getMessage(), e);
        }
        if (!Arrays.equals(first.getPublicKey().getEncoded(), signer.publicKeyDer())) {
            throw new IllegalArgumentException(
                    "the C2PA certificate chain's first certificate is for another key than the signer "
                            + signer.keyId() + ": issue it for that key's public half");
        }
    }

    /** The library, loaded on first use (from {@value C2paLibrary#LIBRARY_PROPERTY} when set); a failed load is retried. */
    private static synchronized C2paLibrary library() {
        if (loaded == null) {
            loaded = C2paLibrary.load(System.getProperty(C2paLibrary.LIBRARY_PROPERTY));
        }
        return loaded;
    }

    /** The Reelforge version this build names as claim generator. */
    public static String reelforgeVersion() {
        try (InputStream in = C2paContentCredentials.class.getResourceAsStream("reelforge.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDK's own version line, e.g. {@code c2pa-c-ffi/0.x.y c2pa-rs/0.x.y}. */
    public String sdkVersion() {
        return C2paErrors.take(library, library.c2pa_version());
    }

    @Override
    public void embed(Path asset, Path signed, CredentialsManifest manifest) {
        if (signer == null) {
            throw new IllegalStateException("these Content Credentials only verify; they have no signer");
        }
        if (asset.toAbsolutePath().normalize().equals(signed.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                    "Content Credentials are written to another file than " + asset.getFileName());
        }
        Pointer context = context();
        try {
            Pointer builder = library.c2pa_builder_with_definition(
                    checked(library.c2pa_builder_from_context(context), "create a builder"), definition(manifest));
            checked(builder, "accept the manifest for " + manifest.title());
            try {
                for (CredentialsManifest.Ingredient ingredient : manifest.ingredients()) {
                    ObjectNode facts = JSON.createObjectNode()
                            .put("title", ingredient.title())
                            .put("relationship", ingredient.relationship().wireName());
                    try (NativeStream stream = NativeStream.reading(library, ingredient.file())) {
                        if (library.c2pa_builder_add_ingredient_from_stream(
                                        builder, facts.toString(), ingredient.mediaType(), stream.handle())
                                != 0) {
                            throw failure("add the ingredient " + ingredient.title());
                        }
                    }
                }
                sign(builder, asset, signed, manifest.mediaType());
            } finally {
                library.c2pa_free(builder);
            }
        } finally {
            library.c2pa_free(context);
        }
    }

    private void sign(Pointer builder, Path asset, Path signed, String mediaType) {
        CallbackSigner callback = new CallbackSigner(signer);
        Pointer nativeSigner = checked(
                library.c2pa_signer_create(null, callback, C2paLibrary.ES256, certificateChainPem, null),
                "accept the signing certificate chain");
        try (NativeStream source = NativeStream.reading(library, asset);
                NativeStream destination = NativeStream.writing(library, signed)) {
            PointerByReference manifestBytes = new PointerByReference();
            long size = library.c2pa_builder_sign(
                    builder, mediaType, source.handle(), destination.handle(), nativeSigner, manifestBytes);
            if (manifestBytes.getValue() != null) {
                library.c2pa_free(manifestBytes.getValue());
            }
            if (size < 0) {
                String message = C2paErrors.last(library);
                RuntimeException cause = callback.failure();
                throw new MediaProcessingException(
                        "could not sign Content Credentials into " + asset.getFileName() + ": "
                                + (cause != null ? "the signer failed: " + cause.getMessage() : message),
                        cause);
            }
        } finally {
            library.c2pa_free(nativeSigner);
        }
    }

    @Override
    public CredentialsReport read(Path asset, String mediaType) {
        Pointer context = context();
        try (NativeStream stream = NativeStream.reading(library, asset)) {
            Pointer reader = library.c2pa_reader_with_stream(
                    checked(library.c2pa_reader_from_context(context), "create a reader"), mediaType, stream.handle());
            if (reader == null) {
                return absent(C2paErrors.last(library));
            }
            try {
                Pointer text = library.c2pa_reader_json(reader);
                if (text == null) {
                    throw failure("report on " + asset.getFileName());
                }
                return report(JSON.readTree(C2paErrors.take(library, text)));
            } catch (IOException e) {
                throw new MediaProcessingException(
                        "the C2PA library's report on " + asset.getFileName() + " is not JSON: " + e.getMessage(), e);
            } finally {
                library.c2pa_free(reader);
            }
        } finally {
            library.c2pa_free(context);
        }
    }

    private Pointer context() {
        Pointer settingsHandle = checked(library.c2pa_settings_new(), "create settings");
        try {
            if (library.c2pa_settings_update_from_string(settingsHandle, settings, "json") != 0) {
                throw failure("accept the trust settings");
            }
            Pointer contextBuilder = checked(library.c2pa_context_builder_new(), "create a context");
            if (library.c2pa_context_builder_set_settings(contextBuilder, settingsHandle) != 0) {
                library.c2pa_free(contextBuilder);
                throw failure("apply the settings");
            }
            return checked(library.c2pa_context_builder_build(contextBuilder), "build a context");
        } finally {
            library.c2pa_free(settingsHandle);
        }
    }

    static String definition(CredentialsManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("claim_generator_info")
                .addObject()
                .put("name", CredentialsManifest.GENERATOR)
                .put("version", manifest.generatorVersion());
        root.put("title", manifest.title());
        root.put("format", manifest.mediaType());
        ArrayNode assertions = root.putArray("assertions");
        ArrayNode actions = assertions
                .addObject()
                .put("label", "c2pa.actions.v2")
                .putObject("data")
                .putArray("actions");
        for (CredentialsManifest.Action action : manifest.actions()) {
            ObjectNode node = actions.addObject().put("action", action.action());
            node.putObject("softwareAgent").put("name", action.softwareAgent());
            if (!action.digitalSourceType().isEmpty()) {
                node.put("digitalSourceType", action.digitalSourceType());
            }
            if (!action.description().isEmpty()) {
                node.put("description", action.description());
            }
            if (!action.parameters().isEmpty()) {
                ObjectNode parameters = node.putObject("parameters");
                action.parameters().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> parameters.put(e.getKey(), e.getValue()));
            }
        }
        if (!manifest.promptSha256().isEmpty()) {
            assertions
                    .addObject()
                    .put("label", CredentialsManifest.PROMPT_ASSERTION)
                    .putObject("data")
                    .put("sha256", manifest.promptSha256());
        }
        return root.toString();
    }

    static CredentialsReport report(JsonNode store) {
        JsonNode active =
                store.path("manifests").path(store.path("active_manifest").asText());
        List<String> failures = new ArrayList<>();
        JsonNode failed =
                store.path("validation_results").path("activeManifest").path("failure");
        for (JsonNode status : failed.isMissingNode() ? store.path("validation_status") : failed) {
            failures.add(status.path("code").asText() + ": "
                    + status.path("explanation").asText());
        }
        JsonNode generator = active.path("claim_generator_info").path(0);
        List<CredentialsReport.Action> actions = new ArrayList<>();
        String prompt = "";
        for (JsonNode assertion : active.path("assertions")) {
            String label = assertion.path("label").asText();
            if (label.startsWith("c2pa.actions")) {
                for (JsonNode action : assertion.path("data").path("actions")) {
                    JsonNode agent = action.path("softwareAgent");
                    actions.add(new CredentialsReport.Action(
                            action.path("action").asText(),
                            agent.isTextual()
                                    ? agent.asText()
                                    : agent.path("name").asText(),
                            action.path("digitalSourceType").asText()));
                }
            } else if (label.equals(CredentialsManifest.PROMPT_ASSERTION)) {
                prompt = assertion.path("data").path("sha256").asText();
            }
        }
        List<CredentialsReport.Ingredient> ingredients = new ArrayList<>();
        for (JsonNode ingredient : active.path("ingredients")) {
            ingredients.add(new CredentialsReport.Ingredient(
                    ingredient.path("title").asText(),
                    ingredient.path("relationship").asText(),
                    ingredient.hasNonNull("active_manifest")));
        }
        return new CredentialsReport(
                store.path("validation_state").asText("Invalid"),
                failures,
                (generator.path("name").asText() + " "
                                + generator.path("version").asText())
                        .trim(),
                active.path("signature_info").path("issuer").asText(),
                actions,
                ingredients,
                prompt);
    }

    private static CredentialsReport absent(String why) {
        return new CredentialsReport(
                "Absent", List.of("no readable manifest: " + why), "", "", List.of(), List.of(), "");
    }

    private Pointer checked(Pointer handle, String what) {
        if (handle == null) {
            throw failure(what);
        }
        return handle;
    }

    private MediaProcessingException failure(String what) {
        return new MediaProcessingException("the C2PA library could not " + what + ": " + C2paErrors.last(library));
    }
}
