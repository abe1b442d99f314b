package dev.reelforge.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ImageFitter;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.Stills;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image is checked against the model's data, kept under its hash and fitted to the frame once. */
class ReferenceIntakeTest {
    private static final CapabilityCatalog CATALOG = CapabilityCatalog.bundled(new ObjectMapper());
    private static final FrameSize FRAME = new FrameSize(1280, 720);

    @TempDir
    Path dir;

    private final List<String> fits = new ArrayList<>();
    private final ImageFitter fitter = (image, header, frame, policy) -> {
        fits.add(header.width() + "x" + header.height() + "->" + frame + " " + policy);
        return Stills.png(frame.width(), frame.height(), 0);
    };

    private ModelCapabilities model(String provider, String name) {
        return CATALOG.find(provider, name).orElseThrow();
    }

    @Test
    void prepare_imageOfAnotherSize_keepsTheOriginalAndAFittedCopy() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        byte[] png = Stills.png(800, 600, 0);
        store.putBytes("references/acme/mug.png", png, "image/png");

        ReferenceImage ref = new ReferenceIntake(store, fitter)
                .prepare("acme", "references/acme/mug.png", model("animatic", "animatic-1"), FRAME);

        assertThat(ref.sha256()).isEqualTo(Sha256.hex(png));
        assertThat(ref.originalKey()).isEqualTo("references/acme/sha256/" + ref.sha256() + ".png");
        assertThat(ref.fittedKey()).isEqualTo("references/acme/fitted/" + ref.sha256() + "-crop-1280x720.png");
        assertThat(store.getBytes(ref.originalKey())).contains(png);
        assertThat(store.exists(ref.fittedKey())).isTrue();
        assertThat(fits).containsExactly("800x600->1280x720 crop");
    }

    @Test
    void prepare_sameImageTwice_fitsItOnce() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/mug.png", Stills.png(800, 600, 0), "image/png");
        ReferenceIntake intake = new ReferenceIntake(store, fitter);

        intake.prepare("acme", "references/acme/mug.png", model("animatic", "animatic-1"), FRAME);
        intake.prepare("acme", "references/acme/mug.png", model("animatic", "animatic-1"), FRAME);

        assertThat(fits).hasSize(1);
    }

    @Test
    void prepare_imageOfTheFrameSize_isItsOwnFittedCopy() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/mug.jpg", Stills.jpeg(1280, 720, 0), "image/jpeg");

        ReferenceImage ref = new ReferenceIntake(store, fitter)
                .prepare("acme", "references/acme/mug.jpg", model("animatic", "animatic-1"), FRAME);

        assertThat(ref.fittedKey()).isEqualTo(ref.originalKey()).endsWith(".jpg");
        assertThat(ref.fit()).isEqualTo("none");
        assertThat(fits).isEmpty();
    }

    @Test
    void prepare_modelWithoutFirstFrame_isRefusedWithTheReason() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/mug.png", Stills.png(1280, 720, 0), "image/png");

        assertThatThrownBy(() -> new ReferenceIntake(store, fitter)
                        .prepare("acme", "references/acme/mug.png", model("bedrock-async", "luma.ray-v2:0"), FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: bedrock-async/luma.ray-v2:0 takes no image");
    }

    @Test
    void prepare_typeTheModelDoesNotTake_isRefused() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/mug.webp", Stills.webpHeader(1280, 720), "image/webp");

        assertThatThrownBy(() -> new ReferenceIntake(store, fitter)
                        .prepare(
                                "acme", "references/acme/mug.webp", model("vertex-veo", "veo-3.1-generate-001"), FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the image is image/webp; vertex-veo/veo-3.1-generate-001 takes image/jpeg");
    }

    @Test
    void prepare_tooLarge_isRefused() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/big.png", Stills.png(4200, 300, 0), "image/png");

        assertThatThrownBy(() -> new ReferenceIntake(store, fitter)
                        .prepare("acme", "references/acme/big.png", model("animatic", "animatic-1"), FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the image is 4200x300 px");
    }

    @Test
    void prepare_oneByTwentyThousand_isRefusedByItsSides() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/sliver.png", Stills.png(1, 20000, 0), "image/png");

        assertThatThrownBy(() -> new ReferenceIntake(store, fitter)
                        .prepare("acme", "references/acme/sliver.png", model("animatic", "animatic-1"), FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage")
                .hasMessageContaining("the image is 1x20000 px");
    }

    @Test
    void prepare_overTheModelsByteLimit_isRefused() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/mug.png", Stills.png(1280, 720, 0), "image/png");
        ModelCapabilities small = withRule(new ModelCapabilities.ReferenceImages(1, List.of(), false, 100, 0, "crop"));

        assertThatThrownBy(() ->
                        new ReferenceIntake(store, fitter).prepare("acme", "references/acme/mug.png", small, FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("over the 100-byte limit of test/strict-1");
    }

    @Test
    void prepare_overTheByteLimit_refusedByItsSizeBeforeItIsRead() {
        DirectoryClipStore files = new DirectoryClipStore(dir);
        files.putBytes("references/acme/mug.png", Stills.png(1280, 720, 0), "image/png");
        List<String> reads = new ArrayList<>();
        ClipStore store = new ClipStore() {
            @Override
            public void putFile(String key, Path file, String contentType) {
                files.putFile(key, file, contentType);
            }

            @Override
            public void putBytes(String key, byte[] content, String contentType) {
                files.putBytes(key, content, contentType);
            }

            @Override
            public void download(String key, Path target) {
                reads.add(key);
                files.download(key, target);
            }

            @Override
            public Optional<byte[]> getBytes(String key) {
                reads.add(key);
                return files.getBytes(key);
            }

            @Override
            public boolean exists(String key) {
                return files.exists(key);
            }

            @Override
            public OptionalLong size(String key) {
                return files.size(key);
            }

            @Override
            public String locate(String key) {
                return files.locate(key);
            }
        };
        ModelCapabilities small = withRule(new ModelCapabilities.ReferenceImages(1, List.of(), false, 100, 0, "crop"));

        assertThatThrownBy(() ->
                        new ReferenceIntake(store, fitter).prepare("acme", "references/acme/mug.png", small, FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage")
                .hasMessageContaining("over the 100-byte limit");
        assertThat(reads).as("refused from the size alone").isEmpty();
    }

    @Test
    void prepare_strictModelWrongAspect_isRefused() {
        DirectoryClipStore store = new DirectoryClipStore(dir);
        store.putBytes("references/acme/square.png", Stills.png(720, 720, 0), "image/png");
        ModelCapabilities strict = withRule(new ModelCapabilities.ReferenceImages(1, List.of(), true, 0, 0, "strict"));

        assertThatThrownBy(() ->
                        new ReferenceIntake(store, fitter).prepare("acme", "references/acme/square.png", strict, FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: the image's aspect ratio is 1.000 (720x720)")
                .hasMessageContaining("fit: strict");
    }

    @Test
    void prepare_missingObject_namesTheKey() {
        assertThatThrownBy(() -> new ReferenceIntake(new DirectoryClipStore(dir), fitter)
                        .prepare("acme", "references/acme/none.png", model("animatic", "animatic-1"), FRAME))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: no object at 'references/acme/none.png'");
    }

    private static ModelCapabilities withRule(ModelCapabilities.ReferenceImages rule) {
        return new ModelCapabilities(
                "test",
                "strict-1",
                true,
                List.of("16:9"),
                List.of("720p"),
                5,
                10,
                1,
                false,
                0.0,
                ModelCapabilities.Lifecycle.ACTIVE,
                null,
                List.of(),
                List.of(),
                0,
                rule,
                false,
                ModelCapabilities.Extend.NONE,
                null,
                List.of(),
                false,
                true,
                false,
                false);
    }
}
