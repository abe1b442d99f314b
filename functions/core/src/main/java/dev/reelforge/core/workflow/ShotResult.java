package dev.reelforge.core.workflow;

/**
 * What one iteration of the {@code Shots} Map ends with: the shot's index, the review that accepted it and its last
 * round. The Map's result is these in shot order, which {@link SequenceStep} turns into the sequence's review.
 */
public record ShotResult(int index, ReviewOutcome review, RenderRound round) {}
