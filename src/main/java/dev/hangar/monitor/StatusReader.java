package dev.hangar.monitor;

import dev.hangar.aws.AwsClients;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/** Reads the live state and status checks of many instances of one region in two calls. */
public final class StatusReader {

    private final AwsClients aws;

    public StatusReader(AwsClients aws) {
        this.aws = aws;
    }

    public Map<String, LiveStatus> read(String region, Collection<String> instanceIds) {
        Map<String, LiveStatus> result = new HashMap<>();
        if (instanceIds.isEmpty()) {
            return result;
        }
        Ec2Client ec2 = aws.ec2(region);
        // A filter, not InstanceIds: one instance AWS has forgotten must not fail the whole call.
        Filter ids = Filter.builder().name("instance-id").values(instanceIds).build();
        Map<String, InstanceStatus> checks = new HashMap<>();
        ec2.describeInstanceStatusPaginator(r -> r.filters(ids).includeAllInstances(true))
                .instanceStatuses().forEach(s -> checks.put(s.instanceId(), s));
        ec2.describeInstancesPaginator(r -> r.filters(ids)).reservations().forEach(res -> res.instances().forEach(i ->
                result.put(i.instanceId(), toStatus(i, checks.get(i.instanceId())))));
        instanceIds.forEach(id -> result.putIfAbsent(id, LiveStatus.gone(id)));
        return result;
    }

    private static LiveStatus toStatus(Instance i, InstanceStatus checks) {
        return new LiveStatus(i.instanceId(), i.instanceTypeAsString(), i.state().nameAsString(),
                checks == null || checks.systemStatus() == null ? null : checks.systemStatus().statusAsString(),
                checks == null || checks.instanceStatus() == null ? null : checks.instanceStatus().statusAsString(),
                i.placement() == null ? null : i.placement().availabilityZone(), i.launchTime(), i.publicIpAddress(), i.privateIpAddress());
    }
}
