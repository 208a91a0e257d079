package dev.hangar.testing;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Starts instances tagged the way AWS ParallelCluster 3 tags a cluster's nodes, in the local EC2: what {@code pcluster
 * create-cluster} leaves behind, without ParallelCluster.
 */
public final class ParallelClusterNodes {

    private ParallelClusterNodes() {
    }

    /** The head node ({@code headType}) and {@code computeNodes} compute nodes of queue {@code queue}; their instance IDs, head first. */
    public static List<String> start(LocalAws aws, String cluster, String headType, String computeType, int computeNodes, String queue) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);
        String head = run(ec2, headType, 1, List.of(tag("parallelcluster:cluster-name", cluster),
                tag("parallelcluster:node-type", "HeadNode"), tag("Name", "HeadNode"))).get(0);
        List<String> compute = run(ec2, computeType, computeNodes, List.of(tag("parallelcluster:cluster-name", cluster),
                tag("parallelcluster:node-type", "Compute"), tag("parallelcluster:queue-name", queue), tag("Name", "Compute")));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(head), compute.stream()).toList();
    }

    private static List<String> run(Ec2Client ec2, String type, int count, List<Tag> tags) {
        return ec2.runInstances(r -> r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(type).minCount(count).maxCount(count)
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tags)))
                .instances().stream().map(i -> i.instanceId()).toList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
