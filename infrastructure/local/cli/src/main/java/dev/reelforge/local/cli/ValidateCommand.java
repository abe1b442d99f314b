package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.reference.GuideImages;
import dev.reelforge.core.reference.ReferenceIntake;
import dev.reelforge.core.reference.ReferenceKeys;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import dev.reelforge.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge validate <request.json>}: the Validate state's checks, offline, without starting anything, and
 * what was understood of the prompt (beats, cues, shots, scene plan) so the creator can check it before rendering.
 */
@Command(
        name = "validate",
        description = "Lint and validate a request without rendering it; show what the prompt was read as.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<request.json>", description = "The request file.")
    Path requestFile;

    @Option(
            names = "--json",
            description = "Print one JSON object: valid, errors, warnings, beats, cues, shots, scene.")
    boolean jsonOutput;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = Services.objectMapper();
        ValidationReport report = validate(json);
        if (jsonOutput) {
            out.println(report.json(json));
        } else {
            report.print(out, err);
        }
        return report.valid() ? ReelforgeCli.OK : ReelforgeCli.INVALID_INPUT;
    }

    /** A local file's bytes against the model's limits, as Validate checks the uploaded copy. */
    private void inspectLocal(String value, String field, RenderRequest request, RequestValidator.Accepted accepted)
            throws RequestFile.UserInputException {
        if (!value.isEmpty() && LocalReference.isLocal(request.tenant(), value)) {
            ReferenceIntake.inspect(
                    LocalReference.read(requestFile, value, field),
                    accepted.model(),
                    request.settings().frameSize(),
                    field);
        } else if (!value.isEmpty()) {
            ReferenceKeys.checked(request.tenant(), value, field);
        }
    }

    private ValidationReport validate(ObjectMapper json) {
        RenderRequest request = null;
        try {
            request = new RequestParser(json).parse(RequestFile.read(requestFile));
            RequestValidator validator =
                    new RequestValidator(ContentPolicy.load(json), CapabilityCatalog.bundled(json), Set.of("animatic"));
            RequestValidator.Accepted accepted = validator.validate(request, LocalDate.now());
            String reference = request.referenceImage().key();
            if (!reference.isEmpty() && LocalReference.isLocal(request.tenant(), reference)) {
                ReferenceIntake.inspect(
                        LocalReference.read(requestFile, reference),
                        accepted.model(),
                        request.settings().frameSize());
            } else if (!reference.isEmpty()) {
                ReferenceKeys.checked(request.tenant(), reference);
            }
            if (request.hasGuides()) {
                GuideImages.check(request, accepted.model());
                inspectLocal(request.lastFrame(), "lastFrame", request, accepted);
                for (int i = 0; i < request.referenceImages().size(); i++) {
                    inspectLocal(
                            request.referenceImages().get(i).image(),
                            "referenceImages[" + i + "].image",
                            request,
                            accepted);
                }
            }
            return ValidationReport.accepted(request, accepted);
        } catch (InvalidRequestException e) {
            return ValidationReport.rejected(request, e);
        } catch (RequestFile.UserInputException | ReelforgeException e) {
            return ValidationReport.rejected(request, e.getMessage());
        }
    }
}
