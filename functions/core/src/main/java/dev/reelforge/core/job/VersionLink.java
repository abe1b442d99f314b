package dev.reelforge.core.job;

/**
 * On an edit's job record: which job it is a new version of and what the edit was ({@code remix: …} or
 * {@code recut: …}), so the versions of a clip can be followed back to the first render.
 */
public record VersionLink(String versionOf, String edit, String sourceClipKey, String sourceSha256) {}
