package dev.reelforge.core.workflow;

/** Where the post-process plan and the media task's result document live in the clip store. */
public record MediaRef(String planKey, String resultKey, String sourceKey) {}
