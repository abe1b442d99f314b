package dev.reelforge.providers.luma;

import dev.reelforge.providers.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Luma's Agents API lives and how patiently to call it.
 *
 * @param baseUrl the API root, {@code https://agents.lumalabs.ai/v1} at Luma
 * @param apiKey sent as {@code Authorization: Bearer …} to the API only (never to the presigned file host); never
 *     logged; kept stripped, and refused if an HTTP header cannot carry it
 * @param editStrength the {@code video.edit.strength} preset a remix (Luma's {@code video_edit}) uses: {@code adhere_1..3}
 *     keep closest to the source, {@code flex_1..3} allow a visible change, {@code reimagine_1..3} depart from it;
 *     {@code flex_1} by default, because a targeted fix must change the failing part and keep the rest
 */
public record LumaSettings(
        URI baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        int queuedPollSeconds,
        int runningPollSeconds,
        String editStrength) {
    public static final URI LUMA_API = URI.create("https://agents.lumalabs.ai/v1");
    public static final String DEFAULT_EDIT_STRENGTH = "flex_1";
    private static final Pattern STRENGTH = Pattern.compile("(adhere|flex|reimagine)_[123]");

    public LumaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = ProviderHttp.headerSafeCredential("luma", apiKey);
        editStrength = editStrength == null ? DEFAULT_EDIT_STRENGTH : editStrength.strip();
        if (!STRENGTH.matcher(editStrength).matches()) {
            throw new IllegalArgumentException("REELFORGE_LUMA_EDIT_STRENGTH must be one of adhere_1..3, flex_1..3"
                    + " or reimagine_1..3, not '" + editStrength + "'");
        }
    }

    public static LumaSettings of(URI baseUrl, String apiKey) {
        return new LumaSettings(
                baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, 5, DEFAULT_EDIT_STRENGTH);
    }

    public LumaSettings withEditStrength(String strength) {
        return new LumaSettings(
                baseUrl, apiKey, connectTimeout, requestTimeout, queuedPollSeconds, runningPollSeconds, strength);
    }

    /** The same settings polling every {@code seconds}, queued or running (for a local fake). */
    public LumaSettings withPollSeconds(int seconds) {
        return new LumaSettings(baseUrl, apiKey, connectTimeout, requestTimeout, seconds, seconds, editStrength);
    }

    @Override
    public String toString() {
        return "LumaSettings[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
