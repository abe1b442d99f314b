package dev.reelforge.core.validation;

import dev.reelforge.core.cost.CostEstimate;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.InvalidRequestException.Problem;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.sequence.ShotPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything that must hold before any money is spent: content policy, the conservative settings envelope, the
 * chosen model's capabilities and lifecycle, and the budget. Returns lint advice when the request is accepted.
 * Thread-safe.
 */
public final class RequestValidator {
    private final ContentPolicy policy;
    private final Supplier<CapabilityCatalog> catalogs;
    private final Set<String> availableProviders;
    private final SettingsPolicy settingsPolicy = new SettingsPolicy();
    private final PromptLint lint = new PromptLint();

    /** The longest single clip; longer requests need several shots. */
    static final double MAX_CLIP_SECONDS = 10;

    public RequestValidator(ContentPolicy policy, CapabilityCatalog catalog, Set<String> availableProviders) {
        this(policy, () -> catalog, availableProviders);
    }

    /**
     * @param catalogs the capability data as it stands for each request (the bundled data with the lifecycle
     *     overrides a scheduled refresh wrote, {@link dev.reelforge.core.provider.LifecycleOverrides}); asked once per
     *     {@link #validate}
     */
    public RequestValidator(
            ContentPolicy policy, Supplier<CapabilityCatalog> catalogs, Set<String> availableProviders) {
        this.policy = policy;
        this.catalogs = catalogs;
        this.availableProviders = Set.copyOf(availableProviders);
    }

    /** The accepted request's model, cost estimate and lint warnings. */
    public record Accepted(ModelCapabilities model, CostEstimate estimate, List<String> warnings) {}

    /**
     * @throws dev.reelforge.core.error.ContentRejectedException when content policy refuses the prompt
     * @throws InvalidRequestException naming every field that is out of bounds
     */
    public Accepted validate(RenderRequest request, LocalDate today) {
        CapabilityCatalog catalog = catalogs.get();
        policy.check("prompt", request.prompt());
        for (int i = 0; i < request.storyboard().audioCues().size(); i++) {
            policy.check("audioCues", request.storyboard().audioCues().get(i).description());
        }
        List<Problem> problems = new ArrayList<>(settingsPolicy.check(request));
        ModelCapabilities model = model(catalog, request, today, problems);
        CostEstimate estimate = null;
        boolean sequence = ShotPlan.rendersShotByShot(request);
        problems.addAll(envelope(request, sequence));
        if (model != null) {
            problems.addAll(fit(model, request.settings(), sequence));
            if (sequence) {
                problems.addAll(shotPlanProblems(request, model));
            }
            problems.addAll(fitPrompt(model, request.prompt()));
            problems.addAll(fitAudio(catalog, model, request, today));
            estimate = CostEstimate.of(
                    model, request.settings(), request.settings().variations());
            if (!model.priceKnown()) {
                problems.add(new Problem(
                        "provider.model",
                        model.qualifiedName() + " has no price in the capability data"
                                + " (no first-party price was found); set its pricePerSecondUsd in REELFORGE_CAPABILITIES_FILE"
                                + " before spending on it"));
            } else if (estimate.usd() > request.budgetUsd()) {
                problems.add(new Problem(
                        "budgetUsd",
                        String.format(
                                Locale.ROOT,
                                "the first attempt is estimated at $%.2f (%s), over the budget of $%.2f",
                                estimate.usd(),
                                estimate.basis(),
                                request.budgetUsd())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<String> warnings = new ArrayList<>(lint.warnings(request, model.nativeAudio()));
        if (!model.nativeAudio() && !request.storyboard().audioCues().isEmpty()) {
            warnings.add("audioCues: " + model.qualifiedName()
                    + " renders no audio (nativeAudio: false), so its clips carry"
                    + " no sound for the " + request.storyboard().audioCues().size()
                    + " timed cue(s); the audio-cues and av-sync checks will not apply. With sound: "
                    + withAudio(catalog, today));
        }
        if (model.lifecycle() == ModelCapabilities.Lifecycle.LEGACY) {
            warnings.add(model.qualifiedName() + " is a legacy model"
                    + (model.endOfLife() == null ? "" : " retiring on " + model.endOfLife())
                    + "; move to one of: " + alternatives(catalog, today));
        }
        return new Accepted(model, estimate, warnings);
    }

    private ModelCapabilities model(
            CapabilityCatalog catalog, RenderRequest request, LocalDate today, List<Problem> problems) {
        String provider = request.provider().name();
        String field = request.provider().model().isEmpty() ? "provider.name" : "provider.model";
        var found = catalog.find(provider, request.provider().model());
        if (found.isEmpty()) {
            problems.add(new Problem(
                    field,
                    "unknown provider/model '" + provider
                            + (request.provider().model().isEmpty()
                                    ? ""
                                    : "/" + request.provider().model())
                            + "'; usable: " + alternatives(catalog, today)));
            return null;
        }
        ModelCapabilities model = found.get();
        if (!model.isUsable(today)) {
            problems.add(new Problem(
                    field,
                    model.provider() + "/" + model.model() + " was retired"
                            + (model.endOfLife() == null ? "" : " on " + model.endOfLife()) + "; usable: "
                            + alternatives(catalog, today)));
            return null;
        }
        if (!availableProviders.contains(provider)) {
            problems.add(new Problem(
                    "provider.name",
                    "'" + provider + "' has no adapter in this deployment; usable: " + alternatives(catalog, today)));
            return null;
        }
        return model;
    }

    /**
     * One clip stays in the 5–10 s envelope; only a sequence of several shots may run longer (each shot within the
     * model's limits, {@link ShotPlan}). A defect aimed at a shot needs a sequence to aim at.
     */
    private static List<Problem> envelope(RenderRequest request, boolean sequence) {
        List<Problem> problems = new ArrayList<>();
        if (!sequence && request.settings().durationSeconds() > MAX_CLIP_SECONDS + 1e-9) {
            problems.add(new Problem(
                    "settings.durationSeconds",
                    String.format(
                            Locale.ROOT,
                            "one clip runs at most %.0f s; up to %.0f s needs a storyboard of several shots, rendered"
                                    + " shot by shot",
                            MAX_CLIP_SECONDS,
                            ShotPlan.MAX_SEQUENCE_SECONDS)));
        }
        if (!sequence) {
            try {
                ShotPlan.refuseTargetedDefects(request);
            } catch (InvalidRequestException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    private static List<Problem> shotPlanProblems(RenderRequest request, ModelCapabilities model) {
        try {
            ShotPlan.of(request, model);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }

    private static List<Problem> fit(ModelCapabilities model, RenderSettings settings, boolean sequence) {
        List<Problem> problems = new ArrayList<>();
        String name = model.provider() + "/" + model.model();
        if (!model.aspectRatios().contains(settings.aspectRatio().label())) {
            problems.add(new Problem("settings.aspectRatio", name + " supports " + model.aspectRatios()));
        }
        if (!model.resolutions().contains(settings.resolution().label())) {
            problems.add(new Problem("settings.resolution", name + " supports " + model.resolutions()));
        }
        if (!sequence
                && (settings.durationSeconds() < model.minDurationSeconds()
                        || settings.durationSeconds() > model.maxDurationSeconds())) {
            problems.add(new Problem(
                    "settings.durationSeconds",
                    String.format(
                            Locale.ROOT,
                            "%s renders %.0f–%.0f s",
                            name,
                            model.minDurationSeconds(),
                            model.maxDurationSeconds())));
        }
        if (!sequence
                && !model.durations().isEmpty()
                && model.durations().stream().noneMatch(d -> Math.abs(d - settings.durationSeconds()) < 1e-9)) {
            problems.add(new Problem(
                    "settings.durationSeconds",
                    String.format(
                            Locale.ROOT,
                            "%s renders only %s s",
                            name,
                            model.durations().stream()
                                    .map(d -> String.format(Locale.ROOT, "%.0f", d))
                                    .toList())));
        }
        String size = settings.frameSize().width() + "x" + settings.frameSize().height();
        if (!model.sizes().isEmpty() && !model.sizes().contains(size)) {
            problems.add(new Problem(
                    "settings.resolution",
                    name + " renders the frame sizes " + model.sizes() + ", not " + size + " ("
                            + settings.resolution().label() + " "
                            + settings.aspectRatio().label() + ")"));
        }
        if (!model.fps().isEmpty() && !model.fps().contains(settings.fps())) {
            problems.add(new Problem("settings.fps", name + " renders at " + model.fps() + " fps"));
        }
        if (settings.variations() > model.maxVariations()) {
            problems.add(new Problem(
                    "settings.variations", name + " renders at most " + model.maxVariations() + " per request"));
        }
        return problems;
    }

    private static List<Problem> fitPrompt(ModelCapabilities model, String prompt) {
        if (model.maxPromptChars() > 0 && prompt.length() > model.maxPromptChars()) {
            return List.of(new Problem(
                    "prompt",
                    String.format(
                            Locale.ROOT,
                            "%s takes at most %d characters; this prompt has %d",
                            model.qualifiedName(),
                            model.maxPromptChars(),
                            prompt.length())));
        }
        return List.of();
    }

    /** Review thresholds for checks that read the soundtrack; each needs a model that renders one. */
    private static final Map<String, String> AUDIO_THRESHOLDS = Map.of(
            "audioCueToleranceFrames", "audio-cues", "avSyncMs", "av-sync", "dialogueToleranceFrames", "dialogue");

    private List<Problem> fitAudio(
            CapabilityCatalog catalog, ModelCapabilities model, RenderRequest request, LocalDate today) {
        if (model.nativeAudio()) {
            return List.of();
        }
        return request.reviewOverrides().keySet().stream()
                .filter(AUDIO_THRESHOLDS::containsKey)
                .sorted()
                .map(key -> new Problem(
                        "review.thresholds." + key,
                        model.qualifiedName() + " renders no audio (nativeAudio:"
                                + " false), so the " + AUDIO_THRESHOLDS.get(key)
                                + " check cannot run; drop this threshold or"
                                + " choose a model with native audio: " + withAudio(catalog, today)))
                .toList();
    }

    private String withAudio(CapabilityCatalog catalog, LocalDate today) {
        String usable = catalog.usable(today, availableProviders).stream()
                .filter(ModelCapabilities::nativeAudio)
                .map(ModelCapabilities::qualifiedName)
                .collect(Collectors.joining(", "));
        return usable.isEmpty() ? "none configured" : usable;
    }

    private String alternatives(CapabilityCatalog catalog, LocalDate today) {
        String usable = catalog.usable(today, availableProviders).stream()
                .map(m -> m.provider() + "/" + m.model())
                .collect(Collectors.joining(", "));
        return usable.isEmpty() ? "none configured" : usable;
    }
}
