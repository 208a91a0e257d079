package dev.hangar.provision;

import dev.hangar.blueprint.NetworkModel;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Reading {@link NetworkModel}'s tags off EC2 resources. */
final class NetworkTags {

    private NetworkTags() {
    }

    /** The server-side filter for the region's network; answers are still checked with {@link #ours}, as emulators ignore some tag filters. */
    static Filter filter(String region) {
        return Filter.builder().name("tag:" + NetworkModel.TAG).values(region).build();
    }

    static boolean ours(List<Tag> tags, String region) {
        return region.equals(value(tags, NetworkModel.TAG));
    }

    /** The part a resource is, by its {@link NetworkModel#PART_TAG}; {@code fallback} when it has none. */
    static String part(List<Tag> tags, String fallback) {
        String part = value(tags, NetworkModel.PART_TAG);
        return part == null ? fallback : part;
    }

    /** The tag's value, or null when the resource does not carry it. */
    static String value(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }
}
