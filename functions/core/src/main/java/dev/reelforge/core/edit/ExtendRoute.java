package dev.reelforge.core.edit;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderSettings;
import java.util.List;
import java.util.Locale;

/**
 * Whether a re-cut is made by the provider's extend instead of a retime in post-production. Only one kind of re-cut
 * asks for more of the ending: a single {@code expand} of the clip's final span ({@code expand 00:04-00:06=00:04-00:10}
 * of a 6 s clip); that one goes to the provider when the model's capability data has {@code extend}, the source is the
 * provider's own render (every adapter extends by the provider's job id, so {@code onlyOwnOutputs} or not, a clip
 * made here cannot be sent), the extension's output is the whole longer clip ({@code extend.output: whole}, Veo:
 * Luma's continuation alone would still need joining), and the length fits the model's {@code blockSeconds} and {@code maxSeconds}. The
 * provider then continues the action rather than slowing it down. Every other re-cut (a trim, a retime, an inner
 * expand) stays in post-production, and a final-span expand that cannot be extended says why in {@link #why()}.
 *
 * @param spec the extension to submit, or null for post-production
 * @param why why a final-span expand on a model with extend stays in post-production; empty otherwise
 */
public record ExtendRoute(ExtendSpec spec, String why) {

    public static ExtendRoute decide(
            List<RecutOp> ops, EditSource source, ModelCapabilities model, String prompt, RenderSettings settings) {
        double sourceSeconds = settings.durationSeconds();
        if (ops.size() != 1 || !model.extend().supported()) {
            return postProduction("");
        }
        RecutOp op = ops.get(0);
        boolean finalSpan = op.kind() == RecutOp.Kind.RETIME
                && op.field().contains(".expand[")
                && op.factor() > 1
                && Math.abs(op.range().end() - sourceSeconds) < 1e-6;
        if (!finalSpan) {
            return postProduction("");
        }
        if (!model.extend().wholeClip()) {
            return postProduction(model.qualifiedName() + "'s extend returns the continuation alone (extend.output),"
                    + " and joining it to the original is not built; the ending is retimed in post-production instead");
        }
        if (!source.providerRender()) {
            return postProduction(model.qualifiedName() + " extends only its own renders (extend.onlyOwnOutputs), and"
                    + " this clip was made here (a re-cut); it is retimed in post-production instead");
        }
        double added = op.range().length() * (op.factor() - 1);
        ExtendSpec spec = new ExtendSpec(source.providerJobId(), prompt, model.model(), settings, sourceSeconds, added);
        try {
            spec.check(model);
        } catch (InvalidRequestException e) {
            return postProduction(String.format(
                    Locale.ROOT,
                    "the expand adds %.1f s, which the provider cannot extend (%s); it is retimed in post-production"
                            + " instead",
                    added,
                    e.problems().get(0).message()));
        }
        return new ExtendRoute(spec, "");
    }

    private static ExtendRoute postProduction(String why) {
        return new ExtendRoute(null, why);
    }

    public boolean atProvider() {
        return spec != null;
    }
}
