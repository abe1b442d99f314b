package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import dev.reelforge.handlers.config.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reelforge validate <request.json>}: the Validate state's checks, offline, without starting anything. */
@Command(name = "validate", description = "Lint and validate a request without rendering it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<request.json>", description = "The request file.")
    Path requestFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = Services.objectMapper();
        try {
            String text = RequestFile.read(requestFile);
            RenderRequest request = new RequestParser(json).parse(text);
            RequestValidator validator = new RequestValidator(ContentPolicy.load(json), CapabilityCatalog.bundled(json),
                    Set.of("animatic"));
            RequestValidator.Accepted accepted = validator.validate(request, LocalDate.now());
            out.printf("valid: %s/%s, %d beat(s), %d audio cue(s), estimated cost $%.2f%n", accepted.model().provider(),
                    accepted.model().model(), request.storyboard().beats().size(), request.storyboard().audioCues().size(),
                    accepted.estimate().usd());
            accepted.warnings().forEach(w -> out.println("warning: " + w));
            return ReelforgeCli.OK;
        } catch (RequestFile.UserInputException | ReelforgeException e) {
            err.println("rejected: " + Printable.of(e.getMessage()));
            return ReelforgeCli.INVALID_INPUT;
        }
    }
}
