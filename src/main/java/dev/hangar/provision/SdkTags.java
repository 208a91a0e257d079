package dev.hangar.provision;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** A blueprint's tags in the shape each AWS service's SDK takes them. */
public final class SdkTags {

    private final Map<String, String> tags;

    public SdkTags(Map<String, String> tags) {
        this.tags = tags;
    }

    public List<Tag> ec2() {
        return ec2(tags);
    }

    public static List<Tag> ec2(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    public TagSpecification ec2For(ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(ec2()).build();
    }

    public static TagSpecification ec2For(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(ec2(tags)).build();
    }

    public List<software.amazon.awssdk.services.iam.model.Tag> iam() {
        return tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.iam.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    public List<software.amazon.awssdk.services.cloudwatch.model.Tag> cloudWatch() {
        return tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.cloudwatch.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
