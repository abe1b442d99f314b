package dev.reelforge.core.cost;

import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderSettings;
import java.util.Locale;

/** What a render will cost before we ask for it: provider price per second × seconds × clips. */
public record CostEstimate(double usd, String basis) {
    public static CostEstimate of(ModelCapabilities model, RenderSettings settings, int clips) {
        double usd = model.pricePerSecondUsd() * settings.durationSeconds() * clips;
        String basis = String.format(
                Locale.ROOT,
                "%s/%s: $%.3f/s × %.1f s × %d clip(s)",
                model.provider(),
                model.model(),
                model.pricePerSecondUsd(),
                settings.durationSeconds(),
                clips);
        return new CostEstimate(usd, basis);
    }
}
