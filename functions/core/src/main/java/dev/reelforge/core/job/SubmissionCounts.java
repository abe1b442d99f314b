package dev.reelforge.core.job;

/**
 * How a job's provider submissions came about, from its provider history, so a user can tell paid work from retries.
 *
 * @param created provider jobs this job's creates started
 * @param adopted provider jobs found after their create's answer was lost, and taken over instead of paying again
 * @param resumed submits that found their clip's job already started (a retried Submit) and made no create call
 */
public record SubmissionCounts(int created, int adopted, int resumed) {}
