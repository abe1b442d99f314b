package dev.reelforge.local.cli;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.LocalCertificateAuthority;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge verify <output> [<record>]}: checks that a delivered file is listed (by SHA-256) in a job's signed
 * provenance record and that the record's ECDSA signature holds, then reads the Content Credentials embedded in the
 * file with the C2PA SDK and prints their validation state, actions and ingredients. Exit 0 when both hold (the
 * credentials validate as {@code Trusted}), 1 tampered, not listed or not trusted, 2 unreadable input. By default the
 * record must be signed by the local key in {@code <data-dir>/keys} when one exists, and the credentials must chain to
 * the local test CA there.
 */
@Command(
        name = "verify",
        description = "Check an output file against its signed provenance record and its embedded Content Credentials.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "<output>",
            description = "The delivered file (rendition, poster, thumbnail).")
    Path output;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "<record>",
            description = "The job's provenance.json; without it only the embedded Content Credentials are checked.")
    Path record;

    @Option(
            names = "--public-key",
            description = "PEM public key the record must be signed with " + "(default: <data-dir>/keys/"
                    + LocalKeyProvenanceSigner.PUBLIC_FILE + " when present).")
    Path publicKey;

    @Option(
            names = "--trust-anchors",
            description = "PEM CA certificate(s) the Content Credentials must chain to " + "(default: <data-dir>/keys/"
                    + LocalCertificateAuthority.CA_CERTIFICATE_FILE + ").")
    Path trustAnchors;

    @Option(names = "--data-dir", description = "Local data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".reelforge");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(output) || (record != null && !Files.isRegularFile(record))) {
            err.println("verify: " + (Files.isRegularFile(output) ? record : output) + " is not a readable file");
            return ReelforgeCli.INVALID_INPUT;
        }
        Path keyFile =
                publicKey != null ? publicKey : dataDir.resolve("keys").resolve(LocalKeyProvenanceSigner.PUBLIC_FILE);
        byte[] trusted = null;
        try {
            if (record == null) {
                return credentials(out, err);
            }
            if (publicKey != null || Files.isRegularFile(keyFile)) {
                trusted = LocalKeyProvenanceSigner.readPem(keyFile);
            }
            ProvenanceSeal.Verification result = new ProvenanceSeal(Services.objectMapper())
                    .verify(Files.readAllBytes(record), MediaPlanRenderer.sha256(output), trusted);
            if (!result.ok()) {
                err.println("NOT VERIFIED: " + result.message());
                return ReelforgeCli.FAILED;
            }
            out.println(result.message());
            return credentials(out, err);
        } catch (MediaProcessingException e) {
            err.println("NOT VERIFIED: the Content Credentials could not be read: " + e.getMessage());
            return ReelforgeCli.FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("verify: could not read " + keyFile + " or " + record + ": " + e.getMessage());
            return ReelforgeCli.INVALID_INPUT;
        }
    }

    private int credentials(PrintWriter out, PrintWriter err) throws IOException {
        Path anchors = trustAnchors != null
                ? trustAnchors
                : dataDir.resolve("keys").resolve(LocalCertificateAuthority.CA_CERTIFICATE_FILE);
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        String mediaType = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "video/mp4";
        CredentialsReport report = C2paContentCredentials.verifying(
                        Files.isRegularFile(anchors) ? Files.readString(anchors) : "")
                .read(output, mediaType);
        String summary = "Content Credentials: " + report.validationState()
                + (Files.isRegularFile(anchors)
                        ? " (trust anchor " + anchors + ")"
                        : " (no trust anchor at " + anchors + "; pass --trust-anchors)");
        if (!report.trusted()) {
            err.println("NOT VERIFIED: " + summary + ": " + String.join("; ", report.failures()));
            return ReelforgeCli.FAILED;
        }
        out.println(summary);
        out.println("  claim generator " + report.claimGenerator() + ", certificate issued by " + report.issuer());
        out.println("  actions: "
                + report.actions().stream()
                        .map(a -> a.action()
                                + (a.digitalSourceType().isEmpty()
                                        ? ""
                                        : " ("
                                                + a.digitalSourceType()
                                                        .substring(a.digitalSourceType()
                                                                        .lastIndexOf('/')
                                                                + 1)
                                                + ", " + a.softwareAgent() + ")"))
                        .collect(Collectors.joining(", ")));
        out.println("  ingredients: "
                + report.ingredients().stream()
                        .map(i -> i.title() + " (" + i.relationship()
                                + (i.signedByItsMaker() ? ", with its maker's own credentials" : "") + ")")
                        .collect(Collectors.joining(", ")));
        out.println("  prompt SHA-256 " + report.promptSha256());
        return ReelforgeCli.OK;
    }
}
