package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** The images a GPU machine can start from: AWS's Deep Learning AMIs and the account's own. */
public final class ImageCatalog {

    /** The AWS account that publishes the Deep Learning AMIs; owner alias "amazon" would match far more. */
    public static final String DEEP_LEARNING_OWNER = "898082745236";

    private final AwsClients aws;

    public ImageCatalog(AwsClients aws) {
        this.aws = aws;
    }

    /** Deep Learning AMIs of the region, newest first. */
    public List<ImageInfo> deepLearning(String region) {
        return images(region, DEEP_LEARNING_OWNER, false, Filter.builder().name("name").values("Deep Learning*").build());
    }

    /** The account's own images, newest first. */
    public List<ImageInfo> own(String region) {
        return images(region, "self", true);
    }

    private List<ImageInfo> images(String region, String owner, boolean own, Filter... filters) {
        List<Filter> all = new java.util.ArrayList<>(List.of(filters));
        all.add(Filter.builder().name("state").values("available").build());
        return aws.ec2(region).describeImages(r -> r.owners(owner).filters(all)).images().stream()
                .map(i -> toInfo(i, own))
                .sorted(Comparator.comparing(ImageInfo::created, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static ImageInfo toInfo(Image i, boolean own) {
        return new ImageInfo(i.imageId(), i.name(), i.ownerId(), i.architectureAsString(), parse(i.creationDate()), own, i.description());
    }

    private static Instant parse(String date) {
        try {
            return date == null ? null : Instant.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
