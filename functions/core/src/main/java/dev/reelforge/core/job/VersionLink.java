package dev.reelforge.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * On an edit's job record: which job it is a new version of and what the edit was ({@code remix: …},
 * {@code recut: …} or {@code storyboard …}), so the versions of a clip can be followed back to the first render.
 *
 * @param reusedShots a storyboard edit's unchanged shots, whose clips come from an earlier version; empty otherwise
 */
public record VersionLink(
        String versionOf,
        String edit,
        String sourceClipKey,
        String sourceSha256,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReusedShot> reusedShots) {

    public VersionLink {
        reusedShots = reusedShots == null ? List.of() : List.copyOf(reusedShots);
    }

    /** A remix's or re-cut's link: no shots reused. */
    public VersionLink(String versionOf, String edit, String sourceClipKey, String sourceSha256) {
        this(versionOf, edit, sourceClipKey, sourceSha256, List.of());
    }
}
