package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.port.ModelLifecycleSource;
import dev.reelforge.core.provider.LifecycleOverrides;
import dev.reelforge.core.provider.LifecycleRefresh;
import dev.reelforge.wiring.Services;
import java.util.Map;

/**
 * The optional daily lifecycle refresh (template.yaml's LifecycleRefresh parameter): asks Bedrock for the lifecycle
 * of every Bedrock model in the capability data and writes {@code config/lifecycle-overrides.json}, which Validate
 * applies, so a model retired at short notice is refused before spend. The schedule's event is ignored.
 */
public final class LifecycleRefreshHandler extends JsonHandler {
    private final LifecycleRefresh refresh;

    public LifecycleRefreshHandler() {
        this(Services.fromEnvironment(), Services.bedrockLifecycleFromEnvironment());
    }

    public LifecycleRefreshHandler(Services services, ModelLifecycleSource source) {
        super(services.json());
        this.refresh = services.lifecycleRefresh(source);
    }

    @Override
    protected Object handle(JsonNode input) {
        LifecycleOverrides written = refresh.run();
        return Map.of(
                "checkedAt",
                written.checkedAt().toString(),
                "key",
                LifecycleOverrides.KEY,
                "models",
                written.entries());
    }
}
