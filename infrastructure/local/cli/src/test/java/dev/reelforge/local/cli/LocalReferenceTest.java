package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.Stills;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI uploads a local reference image beside the request, and nothing that leaves the request's folder. */
class LocalReferenceTest {
    @TempDir
    Path dir;

    private Path requestFile;
    private DirectoryClipStore store;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("shoot"));
        requestFile = Files.writeString(dir.resolve("shoot/request.json"), "{}");
        store = new DirectoryClipStore(dir.resolve("store"));
    }

    @Test
    void upload_fileBesideTheRequest_isStoredUnderItsHash() throws Exception {
        byte[] png = Stills.png(320, 180, 0);
        Files.write(dir.resolve("shoot/mug.png"), png);

        String key = LocalReference.upload(requestFile, "demo", "mug.png", store);

        assertThat(key).isEqualTo("references/demo/local/" + Sha256.hex(png));
        assertThat(store.getBytes(key)).contains(png);
    }

    @Test
    void upload_keyUnderTheTenantsPrefix_isLeftAlone() throws Exception {
        assertThat(LocalReference.upload(requestFile, "demo", "references/demo/mug.png", store))
                .isEqualTo("references/demo/mug.png");
    }

    @Test
    void upload_pathEscapingThroughDotDot_isRefused() throws Exception {
        Files.write(dir.resolve("secret.png"), Stills.png(64, 64, 0));

        assertThatThrownBy(() -> LocalReference.upload(requestFile, "demo", "../secret.png", store))
                .isInstanceOf(RequestFile.UserInputException.class)
                .hasMessageContaining("referenceImage: the file '../secret.png' leaves the request file's folder");
    }

    @Test
    void upload_symlinkOutOfTheFolder_isRefused() throws Exception {
        Path outside = Files.write(dir.resolve("secret.png"), Stills.png(64, 64, 0));
        Files.createSymbolicLink(dir.resolve("shoot/mug.png"), outside);

        assertThatThrownBy(() -> LocalReference.upload(requestFile, "demo", "mug.png", store))
                .isInstanceOf(RequestFile.UserInputException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.exists(dir.resolve("store"))
                        && Files.walk(dir.resolve("store")).anyMatch(Files::isRegularFile))
                .isFalse();
    }

    @Test
    void upload_missingFile_namesTheField() {
        assertThatThrownBy(() -> LocalReference.upload(requestFile, "demo", "none.png", store))
                .isInstanceOf(RequestFile.UserInputException.class)
                .hasMessageContaining("referenceImage: the file 'none.png' does not exist");
    }
}
