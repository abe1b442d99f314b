package dev.reelforge.wiring;

import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.VideoProvider;

/**
 * A video provider adapter that only some Lambda packages carry, found with {@link java.util.ServiceLoader}. The
 * animatic renders with FFmpeg, so its factory ships in functions/handlers-media: a Submit or Poll function built
 * from that package offers it, one built from the light package (functions/handlers) cannot, and the light
 * package never holds FFmpeg. Register an implementation in
 * {@code META-INF/services/dev.reelforge.wiring.ProviderAdapterFactory}; it needs a public no-arg
 * constructor.
 *
 * <pre>{@code
 * public final class AnimaticProviderFactory implements ProviderAdapterFactory {
 *     public String name() { return AnimaticProvider.NAME; }
 *     public VideoProvider create(HandlerConfig config, ClipStore clips) { return AnimaticProvider.inline(clips, config.workDir()); }
 * }
 * }</pre>
 *
 * <p>Called once per container, from {@link Services#fromEnvironment()}; implementations need not be thread-safe.
 */
public interface ProviderAdapterFactory {
    /** The provider name requests use ({@code provider.name}). */
    String name();

    /**
     * The adapter, configured from the function's settings (its work directory, region, bucket) and given the
     * function's clip store, where an adapter keeps what other containers of the deployment must find.
     */
    VideoProvider create(HandlerConfig config, ClipStore clips);
}
