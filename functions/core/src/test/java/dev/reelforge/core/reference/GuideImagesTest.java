package dev.reelforge.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ImageFitter;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.Stills;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's last frame and reference images against the capability data: Veo 3.1 takes a first and last frame,
 * or up to three asset images without frames; a model whose data has no lastFrame or no referenceImages list is
 * refused naming the model and the capability.
 */
class GuideImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CapabilityCatalog CATALOG = CapabilityCatalog.bundled(JSON);
    private static final ModelCapabilities VEO =
            CATALOG.find("vertex-veo", "veo-3.1-generate-001").orElseThrow();

    @TempDir
    Path dir;

    private static RenderRequest request(String provider, String model, String images) {
        return new RequestParser(JSON)
                .parse("{\"tenant\": \"acme\", \"clientRequestId\": \"mug-1\", \"prompt\": \"A white mug on an oak"
                        + " table\", \"settings\": {\"aspectRatio\": \"16:9\", \"durationSeconds\": 8},"
                        + " \"provider\": {\"name\": \"" + provider + "\", \"model\": \"" + model + "\"}" + images
                        + "}");
    }

    private static String assets(int n, String type) {
        StringBuilder list = new StringBuilder(", \"referenceImages\": [");
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : ", ")
                    .append("{\"image\": \"references/acme/a")
                    .append(i)
                    .append(".png\", \"type\": \"")
                    .append(type)
                    .append("\"}");
        }
        return list.append(']').toString();
    }

    @Test
    void check_veoFirstAndLastFrame_accepted() {
        RenderRequest r = request(
                "vertex-veo",
                "veo-3.1-generate-001",
                ", \"referenceImage\": \"references/acme/first.png\", \"lastFrame\": \"references/acme/last.png\"");

        GuideImages.check(r, VEO);

        assertThat(r.lastFrame()).isEqualTo("references/acme/last.png");
    }

    @Test
    void check_veoFourAssets_refusedNamingTheModelAndItsMax() {
        assertThatThrownBy(
                        () -> GuideImages.check(request("vertex-veo", "veo-3.1-generate-001", assets(4, "asset")), VEO))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImages")
                .hasMessageContaining("vertex-veo/veo-3.1-generate-001 takes at most 3 reference images")
                .hasMessageContaining("referenceImages.max");
    }

    @Test
    void check_veoStyleImage_refusedNamingTheTypesItTakes() {
        assertThatThrownBy(
                        () -> GuideImages.check(request("vertex-veo", "veo-3.1-generate-001", assets(1, "style")), VEO))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImages[0].type")
                .hasMessageContaining("takes reference images of type asset, not style");
    }

    @Test
    void check_veoAssetsWithAFirstFrame_refusedAsVeoTakesOneOrTheOther() {
        RenderRequest r = request(
                "vertex-veo",
                "veo-3.1-generate-001",
                assets(2, "asset") + ", \"referenceImage\": \"references/acme/first.png\"");

        assertThatThrownBy(() -> GuideImages.check(r, VEO))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImages.withFrames is false");
    }

    @Test
    void check_lastFrameWithoutAFirstFrame_refused() {
        assertThatThrownBy(() -> GuideImages.check(
                        request("vertex-veo", "veo-3.1-generate-001", ", \"lastFrame\": \"references/acme/last.png\""),
                        VEO))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("lastFrame")
                .hasMessageContaining("needs referenceImage as the clip's first frame");
    }

    @Test
    void check_modelWithoutLastFrame_refusedNamingModelAndCapability() {
        ModelCapabilities falRay2 =
                CATALOG.find("fal-queue", "fal-ai/luma-dream-machine/ray-2").orElseThrow();
        RenderRequest r = request(
                "fal-queue",
                "fal-ai/luma-dream-machine/ray-2",
                ", \"referenceImage\": \"references/acme/first.png\", \"lastFrame\": \"references/acme/last.png\"");

        assertThatThrownBy(() -> GuideImages.check(r, falRay2))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("fal-queue/fal-ai/luma-dream-machine/ray-2 takes no last frame")
                .hasMessageContaining("no lastFrame");
    }

    @Test
    void check_modelWithOnlyTheSingleReferenceImage_refusesTheList() {
        ModelCapabilities falRay2 =
                CATALOG.find("fal-queue", "fal-ai/luma-dream-machine/ray-2").orElseThrow();

        assertThatThrownBy(() -> GuideImages.check(
                        request("fal-queue", "fal-ai/luma-dream-machine/ray-2", assets(1, "asset")), falRay2))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("takes no list of reference images");
    }

    @Test
    void prepare_fitsTheLastFrameAndKeepsReferencesAsUploaded() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/first.png", Stills.png(1280, 720, 0), "image/png");
        store.putBytes("references/acme/last.png", Stills.png(800, 600, 1), "image/png");
        store.putBytes("references/acme/a0.png", Stills.png(640, 640, 2), "image/png");
        ImageFitter fitter = (image, header, frame, policy) -> Stills.png(frame.width(), frame.height(), 0);
        ReferenceIntake intake = new ReferenceIntake(store, fitter);

        List<GuideImage> frames = GuideImages.prepare(
                request(
                        "vertex-veo",
                        "veo-3.1-generate-001",
                        ", \"referenceImage\": \"references/acme/first.png\","
                                + " \"lastFrame\": \"references/acme/last.png\""),
                VEO,
                intake);
        List<GuideImage> references =
                GuideImages.prepare(request("vertex-veo", "veo-3.1-generate-001", assets(1, "asset")), VEO, intake);

        assertThat(frames).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(GuideImage.Role.LAST_FRAME);
            assertThat(g.image().fittedKey()).contains("/fitted/").endsWith("-crop-1280x720.png");
        });
        assertThat(references).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(GuideImage.Role.ASSET);
            assertThat(g.image().fittedKey()).isEqualTo(g.image().originalKey());
            assertThat(g.image().fit()).isEqualTo("none");
        });
        assertThat(GuideImages.contentKey(references))
                .isEqualTo("asset:" + references.get(0).image().sha256());
    }

    @Test
    void prepare_missingObject_refusedNamingTheListEntry() {
        ReferenceIntake intake =
                new ReferenceIntake(new DirectoryClipStore(dir), (image, header, frame, policy) -> image);

        assertThatThrownBy(() -> GuideImages.prepare(
                        request("vertex-veo", "veo-3.1-generate-001", assets(1, "asset")), VEO, intake))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImages[0].image")
                .hasMessageContaining("no object at 'references/acme/a0.png'");
    }
}
