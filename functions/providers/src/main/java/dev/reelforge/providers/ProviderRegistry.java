package dev.reelforge.providers;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.VideoProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The video providers a deployment offers, by the name requests use ({@code provider.name}), so handlers look a
 * provider up instead of knowing adapters. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProviderRegistry providers = ProviderRegistry.of(new AnimaticProvider(workDir));
 * VideoProvider provider = providers.get(request.provider().name());
 * }</pre>
 */
public final class ProviderRegistry {
    private final Map<String, VideoProvider> byName;

    public ProviderRegistry(Collection<? extends VideoProvider> providers) {
        Map<String, VideoProvider> map = new TreeMap<>();
        for (VideoProvider provider : providers) {
            if (map.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalArgumentException("two video providers are named '" + provider.name() + "'");
            }
        }
        this.byName = Map.copyOf(map);
    }

    public static ProviderRegistry of(VideoProvider... providers) {
        return new ProviderRegistry(List.of(providers));
    }

    /** @throws InvalidRequestException naming the field and the providers that exist */
    public VideoProvider get(String name) {
        VideoProvider provider = byName.get(name);
        if (provider == null) {
            throw InvalidRequestException.of("provider.name",
                    "unknown provider '" + name + "'; use one of " + String.join(", ", names()));
        }
        return provider;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Provider names in alphabetical order. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
