package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.reference.ReferenceIntake;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference image's content is part of the cache key, and a bad one is refused before the job opens. */
class ValidateStepReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private DirectoryClipStore store;
    private ValidateStep validate;

    @BeforeEach
    void setUp() {
        store = new DirectoryClipStore(dir);
        validate = new ValidateStep(
                new RequestParser(JSON),
                new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic")),
                jobs,
                cache,
                clock,
                new ReferenceIntake(
                        store, (image, header, frame, policy) -> Stills.png(frame.width(), frame.height(), 0)));
    }

    private JobTicket run(com.fasterxml.jackson.databind.JsonNode request, String jobId) {
        return validate.run(new RequestParser(JSON).parse(request), jobId);
    }

    private static ObjectNode mugDropWith(String key) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(MUG_DROP.toFile());
        return request.put("referenceImage", key);
    }

    @Test
    void run_sameImageAgain_isACacheHit() throws IOException {
        store.putBytes("references/demo/mug.png", Stills.png(720, 1280, 0), "image/png");
        JobTicket first = run(mugDropWith("references/demo/mug.png"), "j-1");
        cache.put(new CacheEntry(
                first.cacheKey(), "clips/demo/j-1/1/0.mp4", "j-1", "animatic", "animatic-1", clock.instant()));

        JobTicket again = run(mugDropWith("references/demo/mug.png"), "j-2");

        assertThat(again.cacheHit()).isTrue();
        assertThat(again.referenceImage().sha256())
                .isEqualTo(first.referenceImage().sha256());
    }

    @Test
    void run_differentImage_isACacheMiss() throws IOException {
        store.putBytes("references/demo/mug.png", Stills.png(720, 1280, 0), "image/png");
        store.putBytes("references/demo/mug-2.png", Stills.png(720, 1280, 9), "image/png");
        JobTicket first = run(mugDropWith("references/demo/mug.png"), "j-1");
        cache.put(new CacheEntry(
                first.cacheKey(), "clips/demo/j-1/1/0.mp4", "j-1", "animatic", "animatic-1", clock.instant()));

        JobTicket other = run(mugDropWith("references/demo/mug-2.png"), "j-2");

        assertThat(other.cacheHit()).isFalse();
        assertThat(other.cacheKey()).isNotEqualTo(first.cacheKey());
    }

    @Test
    void run_noImage_keepsTheKeyItAlwaysHad() throws IOException {
        JobTicket plain = run(JSON.readTree(MUG_DROP.toFile()), "j-1");

        assertThat(plain.referenceImage().present()).isFalse();
        assertThat(plain.cacheKey())
                .isEqualTo(dev.reelforge.core.cache.CacheKey.of(
                        new RequestParser(JSON).parse(JSON.readTree(MUG_DROP.toFile())),
                        CapabilityCatalog.bundled(JSON)
                                .find("animatic", "animatic-1")
                                .orElseThrow()));
    }

    @Test
    void run_imageWithTheFramesSize_recordsItOnTheJob() throws IOException {
        store.putBytes("references/demo/mug.png", Stills.png(720, 1280, 0), "image/png");

        JobTicket ticket = run(mugDropWith("references/demo/mug.png"), "j-1");

        assertThat(ticket.referenceImage().fit()).isEqualTo("none");
        assertThat(jobs.find("j-1").orElseThrow().detail().referenceImage()).isEqualTo(ticket.referenceImage());
    }

    @Test
    void run_keyOfAnotherTenant_isRefusedBeforeTheJobOpens() {
        assertThatThrownBy(() -> run(mugDropWith("references/acme/mug.png"), "j-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: the image must be an object under references/demo/");
        assertThat(jobs.find("j-1")).isEmpty();
    }

    @Test
    void run_generateWithoutAnImageGenerator_isRefusedNamingTheField() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(MUG_DROP.toFile());
        request.putObject("referenceImage").put("generate", "a white mug on a table");

        assertThatThrownBy(() -> run(request, "j-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage.generate: this deployment has no image generator");
        assertThat(jobs.find("j-1")).isEmpty();
    }
}
