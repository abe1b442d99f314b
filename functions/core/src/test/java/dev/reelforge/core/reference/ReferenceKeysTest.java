package dev.reelforge.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reference image is read only from the requesting tenant's own prefixes. */
class ReferenceKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"references/acme/mug.png", "requests/acme/shoot-1/mug.jpg", "references/acme/a/b/c.webp"})
    void checked_underTheTenantsPrefix_isAccepted(String key) {
        assertThat(ReferenceKeys.checked("acme", key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"references/other/mug.png", "clips/acme/j/1/0.mp4", "mug.png", "/references/acme/m.png"})
    void checked_outsideTheTenantsPrefix_isRefused(String key) {
        assertThatThrownBy(() -> ReferenceKeys.checked("acme", key))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: the image must be an object under references/acme/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"references/acme/../other/mug.png", "references/acme//mug.png", "references/acme/./m.png"})
    void checked_escapingOrEmptySegments_isRefused(String key) {
        assertThatThrownBy(() -> ReferenceKeys.checked("acme", key))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: each part of the key must be a plain name");
    }
}
