package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.core.port.ProviderJobLedger.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoDbProviderJobLedger} against a real moto server: conditional claims, records and lapsed leases. */
@ExtendWith(MotoExtension.class)
class DynamoDbProviderJobLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private DynamoDbProviderJobLedger ledger;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        ledger = new DynamoDbProviderJobLedger(dynamoDb, names.promptCache());
    }

    @Test
    void claim_newKey_grantedThenRecordedJobResumes() {
        assertThat(ledger.claim("openai-videos", "job-1/1/0", T0, LEASE)).isInstanceOf(Claim.Granted.class);
        assertThat(ledger.record("openai-videos", "job-1/1/0", "video_abc")).isEqualTo("video_abc");

        assertThat(ledger.claim("openai-videos", "job-1/1/0", T0.plusSeconds(5), LEASE))
                .isEqualTo(new Claim.Recorded("video_abc"));
        assertThat(ledger.claim("openai-videos", "job-1/1/0", T0.plus(Duration.ofDays(1)), LEASE))
                .isEqualTo(new Claim.Recorded("video_abc"));
    }

    @Test
    void claim_whileAnotherClaimIsLive_inFlightUntilLeaseEnds() {
        ledger.claim("fal-queue", "job-2/1/0", T0, LEASE);

        assertThat(ledger.claim("fal-queue", "job-2/1/0", T0.plusSeconds(10), LEASE))
                .isEqualTo(new Claim.InFlight(T0.plus(LEASE)));
        assertThat(ledger.claim("fal-queue", "job-2/1/0", T0.plus(LEASE).plusSeconds(1), LEASE))
                .isInstanceOf(Claim.Granted.class);
    }

    @Test
    void release_afterRefusedCreate_letsTheNextAttemptClaim() {
        ledger.claim("fal-queue", "job-3/1/0", T0, LEASE);
        ledger.release("fal-queue", "job-3/1/0");

        assertThat(ledger.claim("fal-queue", "job-3/1/0", T0.plusSeconds(1), LEASE))
                .isInstanceOf(Claim.Granted.class);
    }

    @Test
    void record_secondJobForSameKey_keepsTheFirst() {
        ledger.claim("openai-videos", "job-4/1/0", T0, LEASE);
        ledger.record("openai-videos", "job-4/1/0", "video_first");

        assertThat(ledger.record("openai-videos", "job-4/1/0", "video_second")).isEqualTo("video_first");
        ledger.release("openai-videos", "job-4/1/0");
        assertThat(ledger.claim("openai-videos", "job-4/1/0", T0, LEASE)).isEqualTo(new Claim.Recorded("video_first"));
    }

    @Test
    void markAmbiguous_endsTheLeaseAndTheNextClaimsReconcileFromTheEarliestCall() {
        ledger.claim("openai-videos", "job-5/1/0", T0, LEASE);
        ledger.markAmbiguous("openai-videos", "job-5/1/0", T0.plusMillis(250));

        assertThat(ledger.claim("openai-videos", "job-5/1/0", T0.plusSeconds(5), LEASE))
                .isEqualTo(new Claim.Ambiguous(T0.plusMillis(250)));
        ledger.markAmbiguous("openai-videos", "job-5/1/0", T0.plusSeconds(6));
        ledger.release("openai-videos", "job-5/1/0");
        assertThat(ledger.claim("openai-videos", "job-5/1/0", T0.plusSeconds(7), LEASE))
                .as("a refused create does not prove the lost one started nothing")
                .isEqualTo(new Claim.Ambiguous(T0.plusMillis(250)));
        ledger.record("openai-videos", "job-5/1/0", "video_adopted");
        assertThat(ledger.claim("openai-videos", "job-5/1/0", T0.plusSeconds(8), LEASE))
                .isEqualTo(new Claim.Recorded("video_adopted"));
    }

    @Test
    void isRecorded_onlyForJobsSomeKeyRecorded() {
        ledger.claim("openai-videos", "job-6/1/0", T0, LEASE);
        ledger.record("openai-videos", "job-6/1/0", "video_six");

        assertThat(ledger.isRecorded("openai-videos", "video_six")).isTrue();
        assertThat(ledger.isRecorded("openai-videos", "video_seven")).isFalse();
        assertThat(ledger.isRecorded("fal-queue", "video_six")).isFalse();
    }

    @Test
    void claim_whenCallersRace_exactlyOneIsGranted() throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            claims.add(pool.submit(() -> {
                go.await();
                return ledger.claim("openai-videos", "job-race/1/0", T0, LEASE);
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<Claim> claim : claims) {
            granted += claim.get(60, TimeUnit.SECONDS) instanceof Claim.Granted ? 1 : 0;
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(1);
    }
}
