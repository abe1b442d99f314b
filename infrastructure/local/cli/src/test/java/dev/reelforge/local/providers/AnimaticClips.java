package dev.reelforge.local.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Clips for the provider fakes to serve: the animatic of a request's storyboard, which passes review unless a defect
 * is injected, with its sound or without it (as a model that renders none returns it).
 */
public final class AnimaticClips {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnimaticClips() {}

    /** The animatic's clip of {@code requestJson} with {@code defects}, at {@code clip}. */
    public static void render(ObjectNode requestJson, List<String> defects, Path clip) {
        RenderRequest request = new RequestParser(JSON).parse(requestJson);
        new AnimaticRenderer(Ffmpeg.bundled())
                .render(
                        new GenerationSpec(
                                request.prompt(),
                                request.storyboard(),
                                request.settings(),
                                "animatic-1",
                                1,
                                defects,
                                "",
                                ""),
                        clip,
                        progress -> {});
    }

    /** As {@link #render}, without the sound. */
    public static void silent(ObjectNode requestJson, List<String> defects, Path clip) {
        Path withSound = clip.resolveSibling("sound-" + clip.getFileName());
        render(requestJson, defects, withSound);
        Ffmpeg.bundled()
                .run(
                        "strip the sound",
                        List.of("-y", "-i", withSound.toString(), "-an", "-c:v", "copy", clip.toString()),
                        Duration.ofMinutes(1));
    }
}
