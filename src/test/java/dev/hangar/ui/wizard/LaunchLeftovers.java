package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Asks the endpoint, through the SDK, whether anything of a launch is left. */
final class LaunchLeftovers {

    private LaunchLeftovers() {
    }

    static void assertNothingLeft(LocalAws aws, String launchId) {
        var ec2 = aws.clients().ec2(LocalAws.REGION);
        Filter tag = Filter.builder().name("tag:hangar:launch-id").values(launchId).build();
        assertThat(ec2.describeInstances(r -> r.filters(tag)).reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> !i.state().nameAsString().equals("terminated")).toList()).as("instances").isEmpty();
        assertThat(ec2.describeVolumes(r -> r.filters(tag)).volumes()).as("volumes").isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(tag)).securityGroups()).as("security groups").isEmpty();
        assertThat(aws.clients().iam().listRoles().roles()).as("roles").noneMatch(r -> r.roleName().contains(launchId));
        assertThat(aws.clients().iam().listInstanceProfiles().instanceProfiles()).as("instance profiles")
                .noneMatch(p -> p.instanceProfileName().contains(launchId));
        assertThat(aws.clients().ssm(LocalAws.REGION).listDocuments(r -> r.filters(f -> f.key("Owner").values("Self"))).documentIdentifiers())
                .as("session documents").noneMatch(d -> d.name().contains(launchId));
    }
}
