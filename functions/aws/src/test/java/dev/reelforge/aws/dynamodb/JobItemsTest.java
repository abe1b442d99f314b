package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.job.JobDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobItemsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void toItem_thenFromItem_roundTripsEveryField() {
        JobRecord job = new JobRecord(
                "j-1",
                "acme",
                "req-9",
                JobStatus.REVIEWING,
                "score 0.4",
                "ck",
                3,
                Map.of("final", "jobs/j-1/final.mp4"),
                JobDetail.opened(List.of("prompt is long")),
                T0,
                T0.plusSeconds(5),
                4);

        assertThat(JobItems.fromItem(JobItems.toItem(job))).isEqualTo(job);
    }

    @Test
    void toItem_setsTtlNinetyDaysAfterLastUpdate() {
        JobRecord job = JobRecord.received("j-2", "acme", "req", T0);

        assertThat(JobItems.toItem(job).get(TableDefinitions.TTL_ATTRIBUTE).n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(90)).getEpochSecond()));
    }

    @Test
    void toItem_storesNumbersAndOutputsWithDynamoDbTypes() {
        JobRecord job = JobRecord.received("j-3", "acme", "req", T0).withOutputs(Map.of("a", "k"));

        var item = JobItems.toItem(job);

        assertThat(item.get("providerSubmissions").n()).isEqualTo("0");
        assertThat(item.get("version").n()).isEqualTo("0");
        assertThat(item.get("outputs").m()).containsOnlyKeys("a");
        assertThat(item.get("createdAt").s()).isEqualTo("2026-11-24T10:15:30.123Z");
    }
}
