package dev.reelforge.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a scheduled lifecycle refresh learnt from the providers ({@link LifecycleRefresh}), stored as one JSON object
 * beside the clips ({@link #KEY}) and applied by Validate over the capability data. An override only ever makes a
 * model stricter: a later state (legacy, retired) and an earlier end of life win; a provider saying "active" never
 * revives a model the data retired. No file means no override.
 *
 * <pre>{@code
 * CapabilityCatalog current = LifecycleOverrides.read(clips, json).applyTo(CapabilityCatalog.bundled(json));
 * }</pre>
 */
public record LifecycleOverrides(Instant checkedAt, List<Entry> entries) {
    /** Where the overrides live in the clips bucket. */
    public static final String KEY = "config/lifecycle-overrides.json";

    private static final LifecycleOverrides NONE = new LifecycleOverrides(Instant.EPOCH, List.of());

    public LifecycleOverrides {
        entries = List.copyOf(entries);
    }

    /** One model's state as its provider reported it at {@code checkedAt}. */
    public record Entry(String provider, String model, Lifecycle lifecycle, LocalDate endOfLife, String detail) {}

    public static LifecycleOverrides none() {
        return NONE;
    }

    /**
     * The stored overrides, or none when nothing was written yet.
     *
     * @throws IllegalStateException when the stored file is not readable as overrides: a broken file could hide a
     *     retirement, so nothing is validated until it is fixed or removed
     */
    public static LifecycleOverrides read(ClipStore store, ObjectMapper json) {
        Optional<byte[]> stored = store.getBytes(KEY);
        if (stored.isEmpty()) {
            return NONE;
        }
        try {
            JsonNode root = json.readTree(stored.get());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : root.path("models")) {
                entries.add(new Entry(
                        e.get("provider").asText(),
                        e.get("model").asText(),
                        Lifecycle.valueOf(e.get("lifecycle").asText().toUpperCase(Locale.ROOT)),
                        e.hasNonNull("endOfLife")
                                ? LocalDate.parse(e.get("endOfLife").asText())
                                : null,
                        e.path("detail").asText("")));
            }
            return new LifecycleOverrides(Instant.parse(root.get("checkedAt").asText()), entries);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the lifecycle overrides at " + KEY + " cannot be read (" + e.getMessage()
                    + "); run the lifecycle refresh again or delete the object");
        }
    }

    public void write(ClipStore store, ObjectMapper json) {
        ObjectNode root = json.createObjectNode().put("checkedAt", checkedAt.toString());
        var list = root.putArray("models");
        for (Entry e : entries) {
            ObjectNode node = list.addObject()
                    .put("provider", e.provider())
                    .put("model", e.model())
                    .put("lifecycle", e.lifecycle().name().toLowerCase(Locale.ROOT))
                    .put("detail", e.detail());
            if (e.endOfLife() != null) {
                node.put("endOfLife", e.endOfLife().toString());
            }
        }
        try {
            store.putBytes(KEY, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog with each overridden model made as strict as its override says. */
    public CapabilityCatalog applyTo(CapabilityCatalog catalog) {
        if (entries.isEmpty()) {
            return catalog;
        }
        List<ModelCapabilities> models = new ArrayList<>();
        for (ModelCapabilities m : catalog.models()) {
            ModelCapabilities current = m;
            for (Entry e : entries) {
                if (e.provider().equals(m.provider()) && e.model().equals(m.model())) {
                    current = stricter(current, e);
                }
            }
            models.add(current);
        }
        return new CapabilityCatalog(models);
    }

    private static ModelCapabilities stricter(ModelCapabilities m, Entry e) {
        Lifecycle state = e.lifecycle().ordinal() > m.lifecycle().ordinal() ? e.lifecycle() : m.lifecycle();
        LocalDate eol = m.endOfLife() == null
                ? e.endOfLife()
                : e.endOfLife() == null || m.endOfLife().isBefore(e.endOfLife()) ? m.endOfLife() : e.endOfLife();
        return m.withLifecycle(state, eol);
    }
}
