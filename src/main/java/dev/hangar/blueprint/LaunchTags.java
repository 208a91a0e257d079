package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The tags every resource of a launch carries: Hangar's own (a contract) and the spec's. */
public final class LaunchTags {

    public static final String LAUNCH_ID = "hangar:launch-id";
    public static final String NAME = "hangar:name";
    /** Marks the data volume apart from the root volume, which carries the launch's tags too. */
    public static final String ROLE = "hangar:role";
    public static final String DATA_VOLUME_ROLE = "data-volume";

    private final Map<String, String> tags;

    public LaunchTags(String launchId, LaunchSpec spec) {
        Map<String, String> all = new LinkedHashMap<>(spec.tags());
        all.putIfAbsent("Name", spec.name());
        all.put(LAUNCH_ID, launchId);
        all.put(NAME, spec.name());
        this.tags = java.util.Collections.unmodifiableMap(all); // insertion order: the same in every request and file
    }

    public Map<String, String> asMap() {
        return tags;
    }

    public List<Tag> ec2() {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    public TagSpecification ec2For(ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(ec2()).build();
    }

    public TagSpecification ec2DataVolume() {
        List<Tag> all = new java.util.ArrayList<>(ec2());
        all.add(Tag.builder().key(ROLE).value(DATA_VOLUME_ROLE).build());
        return TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(all).build();
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
