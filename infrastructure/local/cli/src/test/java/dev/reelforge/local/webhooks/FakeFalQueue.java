package dev.reelforge.local.webhooks;

import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fal queue in-process, as the workflow sees one through its port: each submit is a request that stays
 * IN_PROGRESS until the test {@link #finish}es it, and keeps the webhook URL it was asked to call. Polls are counted,
 * so a test can tell a webhook-driven render (one poll, after the webhook) from a polled one.
 */
final class FakeFalQueue implements VideoProvider {
    static final String APP = "fal-ai/luma-dream-machine/ray-2";
    private final Path clip;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger polls = new AtomicInteger();

    FakeFalQueue(Path clip) {
        this.clip = clip;
    }

    @Override
    public String name() {
        return "fal-queue";
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        String id = String.format("00000000-0000-4000-8000-%012d", requests.incrementAndGet());
        webhookUrls.put(id, spec.webhookUrl());
        return new ProviderJob(APP + "/requests/" + id, ProviderJob.State.QUEUED, 0, 2, "");
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        polls.incrementAndGet();
        return finished.contains(requestId(providerJobId))
                ? new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "")
                : new ProviderJob(providerJobId, ProviderJob.State.IN_PROGRESS, 50, 2, "");
    }

    @Override
    public void download(String providerJobId, Path target) {
        try {
            Files.copy(clip, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The render of request {@code id} is done at the provider (whether or not anyone is told). */
    void finish(String id) {
        finished.add(id);
    }

    /** The request id of the {@code n}th submit (from 1). */
    static String request(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    int submits() {
        return requests.get();
    }

    String webhookUrl(String id) {
        return webhookUrls.getOrDefault(id, "");
    }

    int polls() {
        return polls.get();
    }

    private static String requestId(String providerJobId) {
        return providerJobId.substring(providerJobId.lastIndexOf('/') + 1);
    }
}
