package dev.reelforge.core.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.request.RenderRequest;

/**
 * One item of the {@code Shots} Map in {@code render.asl.json}: the state a shot's own Submit → Poll → ReviewScore
 * loop starts from. {@code request} is the shot's request ({@code ShotPlan.requestFor}), {@code job} the job's
 * ticket for that shot, {@code round} the round before its first attempt. A {@code reused} shot (a storyboard
 * edit's unchanged shot) is already accepted: {@code review} names the earlier version's clip, and the Map's
 * {@code ShotReused?} Choice ends its iteration without a provider job.
 */
public record ShotItem(
        int index,
        RenderRequest request,
        JobTicket job,
        RenderRound round,
        ReviewOutcome review,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reused) {

    /** A shot that renders. */
    public ShotItem(int index, RenderRequest request, JobTicket job, RenderRound round, ReviewOutcome review) {
        this(index, request, job, round, review, false);
    }
}
