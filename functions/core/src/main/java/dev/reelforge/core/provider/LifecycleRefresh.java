package dev.reelforge.core.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ModelLifecycleSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduled lifecycle refresh: asks the provider ({@link ModelLifecycleSource}) about every one of its models in
 * the capability data and writes what it said as {@link LifecycleOverrides}, which Validate applies. Bedrock gives
 * models launched after 2026-09-07 as little as 45 days' notice, faster than a release of this data. A lookup that
 * fails stops the refresh before anything is written, so the previous overrides stay as they were.
 *
 * <pre>{@code
 * LifecycleOverrides written = new LifecycleRefresh(catalog, bedrock, clips, json, clock).run();
 * }</pre>
 */
public final class LifecycleRefresh {
    private final CapabilityCatalog catalog;
    private final ModelLifecycleSource source;
    private final ClipStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public LifecycleRefresh(
            CapabilityCatalog catalog, ModelLifecycleSource source, ClipStore store, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.source = source;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public LifecycleOverrides run() {
        List<LifecycleOverrides.Entry> entries = new ArrayList<>();
        for (ModelCapabilities m : catalog.models()) {
            if (m.provider().equals(source.provider())) {
                ModelLifecycleSource.Status status = source.lookup(m.model());
                entries.add(new LifecycleOverrides.Entry(
                        m.provider(), m.model(), status.lifecycle(), status.endOfLife(), status.detail()));
            }
        }
        LifecycleOverrides overrides = new LifecycleOverrides(clock.instant(), entries);
        overrides.write(store, json);
        return overrides;
    }
}
