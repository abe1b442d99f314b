package dev.reelforge.local.cli;

import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.wiring.Services;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge verify <output> <record>}: checks that a delivered file is listed (by SHA-256) in a job's signed
 * provenance record and that the record's ECDSA signature holds. Exit 0 verified, 1 tampered or not listed, 2 unreadable
 * input. By default the record must be signed by the local key in {@code <data-dir>/keys} when one exists.
 */
@Command(name = "verify", description = "Check an output file against its signed provenance record.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<output>", description = "The delivered file (rendition, poster, thumbnail).")
    Path output;

    @Parameters(index = "1", paramLabel = "<record>", description = "The job's provenance.json.")
    Path record;

    @Option(names = "--public-key", description = "PEM public key the record must be signed with "
            + "(default: <data-dir>/keys/" + LocalKeyProvenanceSigner.PUBLIC_FILE + " when present).")
    Path publicKey;

    @Option(names = "--data-dir", description = "Local data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".reelforge");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(output) || !Files.isRegularFile(record)) {
            err.println("verify: " + (Files.isRegularFile(output) ? record : output) + " is not a readable file");
            return ReelforgeCli.INVALID_INPUT;
        }
        Path keyFile = publicKey != null ? publicKey : dataDir.resolve("keys").resolve(LocalKeyProvenanceSigner.PUBLIC_FILE);
        byte[] trusted = null;
        try {
            if (publicKey != null || Files.isRegularFile(keyFile)) {
                trusted = LocalKeyProvenanceSigner.readPem(keyFile);
            }
            ProvenanceSeal.Verification result = new ProvenanceSeal(Services.objectMapper())
                    .verify(Files.readAllBytes(record), MediaPlanRenderer.sha256(output), trusted);
            if (result.ok()) {
                out.println(result.message());
                return ReelforgeCli.OK;
            }
            err.println("NOT VERIFIED: " + result.message());
            return ReelforgeCli.FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("verify: could not read " + keyFile + " or " + record + ": " + e.getMessage());
            return ReelforgeCli.INVALID_INPUT;
        }
    }
}
