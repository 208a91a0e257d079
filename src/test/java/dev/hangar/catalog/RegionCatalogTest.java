package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalAwsExtension.class)
class RegionCatalogTest {

    @TempDir Path home;
    private final Clock then = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    private RegionCatalog catalog(LocalAws aws, String account, Clock clock) {
        return new RegionCatalog(Optional.of(aws.clients()), account, new CatalogCache(home, clock));
    }

    @Test
    void anAccountsRegionsAreListedOnceADay(LocalAws aws) {
        var first = catalog(aws, LocalAws.ACCOUNT_ID, then).regions(LocalAws.REGION);
        assertThat(first).extracting(RegionSummary::region).contains("us-east-1", "eu-west-1");
        assertThat(aws.endpoint().requests("ec2", "DescribeRegions")).hasSize(1);

        aws.endpoint().clearRecord();
        var again = catalog(aws, LocalAws.ACCOUNT_ID, Clock.offset(then, Duration.ofHours(23))).regions(LocalAws.REGION);
        assertThat(again).isEqualTo(first);
        assertThat(aws.endpoint().requests()).as("a warm cache makes no call").isEmpty();

        catalog(aws, LocalAws.ACCOUNT_ID, Clock.offset(then, CatalogCache.REGIONS_MAX_AGE.plusMinutes(1))).regions(LocalAws.REGION);
        assertThat(aws.endpoint().requests("ec2", "DescribeRegions")).as("listed again after a day").hasSize(1);
    }

    @Test
    void anotherAccountHasItsOwnList(LocalAws aws) {
        catalog(aws, LocalAws.ACCOUNT_ID, then).regions(LocalAws.REGION);
        aws.endpoint().clearRecord();
        catalog(aws, "210987654321", then).regions(LocalAws.REGION);
        assertThat(aws.endpoint().requests("ec2", "DescribeRegions")).hasSize(1);
    }

    @Test
    void withoutCredentialsTheSnapshotsRegionsServeWithNoCall(LocalAws aws) {
        var regions = new RegionCatalog(Optional.empty(), null, new CatalogCache(home, then)).regions(LocalAws.REGION);
        assertThat(regions).extracting(RegionSummary::region).contains("us-east-1");
        assertThat(aws.endpoint().requests()).isEmpty();
    }
}
