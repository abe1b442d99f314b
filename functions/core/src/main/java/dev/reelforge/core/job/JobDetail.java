package dev.reelforge.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.provider.PossibleDuplicateCharge;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The job record's detail: warnings, every attempt with its scores and verdict, the provider history and the media
 * result. Typed here and serialised only by the job store's adapter, as one JSON document so the table schema does
 * not change when the checklist grows. Each edit returns a new detail, so it composes with {@code JobStore.update}'s
 * retry loop; an edit retried with the same value adds nothing twice.
 *
 * <pre>{@code
 * jobs.update(id, r -> r.withDetail(r.detail().withWarningsAdded(List.of("decoded on CPU"))));
 * }</pre>
 *
 * @param attempts one per render round, in the order they were first recorded
 * @param providerJobs one per provider job, in the order they were first recorded ({@link ProviderHistory})
 * @param media what post-processing wrote; null until it ran
 * @param referenceImage the request's reference image as Validate stored it (key, SHA-256, original and fitted
 *     copies, fit policy); null for a request without one
 * @param request the request as Validate accepted it, which an edit starts from; null on records written before
 * @param version on an edit's record, the job it is a new version of; null otherwise
 * @param versions on an edited job's record, the jobs of its later versions, oldest first
 * @param cachedShots on a sequence's record, the shots the prompt cache answered (an earlier job's accepted clip of
 *     a shot with the same fingerprint), which no provider job rendered
 */
public record JobDetail(
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptDetail> attempts,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProviderJobHistory> providerJobs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PossibleDuplicateCharge> possibleDuplicateCharges,
        @JsonInclude(JsonInclude.Include.NON_NULL) MediaResult media,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReferenceImage referenceImage,
        @JsonInclude(JsonInclude.Include.NON_NULL) RenderRequest request,
        @JsonInclude(JsonInclude.Include.NON_NULL) VersionLink version,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> versions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReusedShot> cachedShots) {

    public JobDetail {
        warnings = copy(warnings);
        attempts = copy(attempts);
        providerJobs = copy(providerJobs);
        possibleDuplicateCharges = copy(possibleDuplicateCharges);
        versions = copy(versions);
        cachedShots = copy(cachedShots);
    }

    /** The detail as before, for code that does not touch the request or the versions. */
    public JobDetail(
            List<String> warnings,
            List<AttemptDetail> attempts,
            List<ProviderJobHistory> providerJobs,
            List<PossibleDuplicateCharge> possibleDuplicateCharges,
            MediaResult media,
            ReferenceImage referenceImage) {
        this(warnings, attempts, providerJobs, possibleDuplicateCharges, media, referenceImage, null, null, null, null);
    }

    public static JobDetail empty() {
        return new JobDetail(List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** The detail of a job Validate just opened: the request's warnings, nothing else. */
    public static JobDetail opened(List<String> warnings) {
        return new JobDetail(warnings, List.of(), List.of(), List.of(), null, null);
    }

    /**
     * What the job's rounds were estimated to cost, every attempt on record but {@code exceptAttempt} (0 for none),
     * plus a generated reference image: a sequence's spend, whichever of its shots are in flight.
     */
    public double estimatedSpendUsd(int exceptAttempt) {
        double image = referenceImage == null ? 0 : referenceImage.costUsd();
        return image
                + attempts.stream()
                        .filter(a -> a.attempt() != exceptAttempt && a.estimatedCostUsd() != null)
                        .mapToDouble(AttemptDetail::estimatedCostUsd)
                        .sum();
    }

    /** Appends each warning unless it is already there. */
    public JobDetail withWarningsAdded(List<String> added) {
        LinkedHashSet<String> present = new LinkedHashSet<>(warnings);
        List<String> longer = new ArrayList<>(warnings);
        added.stream().filter(present::add).forEach(longer::add);
        return new JobDetail(
                longer,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                version,
                versions,
                cachedShots);
    }

    /** Adds the attempt, or merges it into the one with the same number (fields it sets win). */
    public JobDetail withAttempt(AttemptDetail attempt) {
        List<AttemptDetail> longer = new ArrayList<>(attempts);
        for (int i = 0; i < longer.size(); i++) {
            if (longer.get(i).attempt() == attempt.attempt()) {
                longer.set(i, longer.get(i).mergedWith(attempt));
                return new JobDetail(
                        warnings,
                        longer,
                        providerJobs,
                        possibleDuplicateCharges,
                        media,
                        referenceImage,
                        request,
                        version,
                        versions,
                        cachedShots);
            }
        }
        longer.add(attempt);
        return new JobDetail(
                warnings,
                longer,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                version,
                versions,
                cachedShots);
    }

    public JobDetail withProviderJobs(List<ProviderJobHistory> jobs) {
        return new JobDetail(
                warnings,
                attempts,
                jobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                version,
                versions,
                cachedShots);
    }

    public JobDetail withPossibleDuplicateCharges(List<PossibleDuplicateCharge> charges) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                charges,
                media,
                referenceImage,
                request,
                version,
                versions,
                cachedShots);
    }

    public JobDetail withReferenceImage(ReferenceImage reference) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                reference,
                request,
                version,
                versions,
                cachedShots);
    }

    public JobDetail withMedia(MediaResult result) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                result,
                referenceImage,
                request,
                version,
                versions,
                cachedShots);
    }

    /** With the request as Validate accepted it, so an edit can start from it later. */
    public JobDetail withRequest(RenderRequest accepted) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                accepted,
                version,
                versions,
                cachedShots);
    }

    /** On an edit's record: the job it is a version of. */
    public JobDetail withVersion(VersionLink link) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                link,
                versions,
                cachedShots);
    }

    /** On the original's record: a later version's job id, once. */
    public JobDetail withVersionAdded(String jobId) {
        if (versions.contains(jobId)) {
            return this;
        }
        List<String> longer = new ArrayList<>(versions);
        longer.add(jobId);
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                version,
                longer,
                cachedShots);
    }

    /** On a sequence's record: the shots the prompt cache answered. */
    public JobDetail withCachedShots(List<ReusedShot> shots) {
        return new JobDetail(
                warnings,
                attempts,
                providerJobs,
                possibleDuplicateCharges,
                media,
                referenceImage,
                request,
                version,
                versions,
                shots);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
