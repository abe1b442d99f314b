package dev.reelforge.core.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.job.ProviderHistory;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.review.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Last state: records the deliverables on the job (SUCCEEDED) and, when the clip passed review, files it in the
 * prompt cache so the same request never pays the provider again. Clips accepted after giving up carry their
 * warnings and are not cached. A sequence is filed whole and shot by shot ({@link SequenceCache}).
 */
public final class FinalizeStep {
    private final ClipStore clips;
    private final JobStore jobs;
    private final PromptCache cache;
    private final ObjectMapper json;
    private final ProviderHistory history;
    private final Clock clock;

    public FinalizeStep(ClipStore clips, JobStore jobs, PromptCache cache, ObjectMapper json, Clock clock) {
        this.clips = clips;
        this.jobs = jobs;
        this.cache = cache;
        this.json = json;
        this.history = new ProviderHistory();
        this.clock = clock;
    }

    public JobSummary run(JobTicket job, ReviewOutcome review, MediaRef media) {
        MediaResult result = readResult(media.resultKey());
        Map<String, String> outputs = new LinkedHashMap<>();
        List<JobSummary.Output> listed = new ArrayList<>();
        for (MediaResult.Output output : result.outputs()) {
            outputs.put(output.rendition(), output.key());
            listed.add(new JobSummary.Output(output.rendition(), output.key()));
        }
        List<String> warnings = new ArrayList<>(job.warnings());
        if (review.verdict() == Verdict.GIVE_UP_ACCEPT) {
            warnings.add("accepted without passing every check: " + review.reason());
        }
        String report = job.cacheHit() ? StorageKeys.report(job.tenant(), job.cachedJobId()) : review.reportKey();
        JobRecord record = jobs.update(job.jobId(), r -> {
            JobRecord done =
                    r.withStatus(JobStatus.SUCCEEDED, "", clock.instant()).withOutputs(outputs);
            return done.withDetail(done.detail().withWarningsAdded(warnings).withMedia(result));
        });
        List<String> recorded = record.detail().warnings();
        if (!job.cacheHit()
                && review.verdict() == Verdict.PASS
                && review.shotClipKeys().isEmpty()) {
            cache.put(new CacheEntry(
                    job.cacheKey(), media.sourceKey(), job.jobId(), job.provider(), job.model(), clock.instant()));
        } else if (!review.shotClipKeys().isEmpty()) {
            new SequenceCache(cache).file(job, record, review, clock.instant());
        }
        int attempts = record.detail().attempts().size();
        return new JobSummary(
                "SUCCEEDED",
                job.jobId(),
                job.tenant(),
                job.cacheHit(),
                record.providerSubmissions(),
                attempts,
                job.cacheHit() ? "cached" : review.verdict().wireName(),
                listed,
                report,
                result.encoder(),
                job.estimatedCostUsd(),
                recorded,
                history.counts(record),
                history.possibleDuplicates(record));
    }

    private MediaResult readResult(String key) {
        byte[] bytes = clips.getBytes(key)
                .orElseThrow(() ->
                        new MediaProcessingException("the media task finished without writing its result document"));
        try {
            return json.readValue(bytes, MediaResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable media result document", e);
        }
    }
}
