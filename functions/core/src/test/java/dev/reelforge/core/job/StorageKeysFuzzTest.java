package dev.reelforge.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reelforge.core.testing.RequestBoundary;
import java.nio.charset.StandardCharsets;

/**
 * No id, however path-like, makes a storage key that leaves its tenant's prefix: {@link StorageKeys} either refuses
 * it ({@link IllegalArgumentException}) or every key lies under {@code <area>/<tenant>/<job>/}. Each input is one
 * line (the tenant) or two (tenant, then job id), read as UTF-8: {@code ..}, {@code a/../b}, {@code %2f}, NUL,
 * bidi overrides ({@code StorageKeysFuzzTestInputs}).
 */
class StorageKeysFuzzTest {
    @FuzzTest(maxDuration = "1m")
    void keys_pathLikeIds_neverLeaveTheTenantsPrefix(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String tenant = newline < 0 ? text : text.substring(0, newline);
        String jobId = newline < 0 ? "job-1" : text.substring(newline + 1);

        Throwable thrown = catchThrowable(() -> RequestBoundary.assertKeysStayUnder(tenant, jobId));

        if (thrown instanceof AssertionError escaped) {
            throw escaped;
        }
        if (thrown != null) {
            assertThat(thrown)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unsafe id");
        }
    }
}
