package dev.reelforge.core.workflow;

import dev.reelforge.core.request.RenderRequest;

/**
 * One item of the {@code Shots} Map in {@code render.asl.json}: the state a shot's own Submit → Poll → ReviewScore
 * loop starts from. {@code request} is the shot's request ({@code ShotPlan.requestFor}), {@code job} the job's
 * ticket for that shot, {@code round} the round before its first attempt.
 */
public record ShotItem(int index, RenderRequest request, JobTicket job, RenderRound round, ReviewOutcome review) {}
