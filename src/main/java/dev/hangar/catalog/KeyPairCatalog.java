package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/** The EC2 key pairs of a region, by name. */
public final class KeyPairCatalog {

    private final AwsClients aws;

    public KeyPairCatalog(AwsClients aws) {
        this.aws = aws;
    }

    public List<String> names(String region) {
        return aws.ec2(region).describeKeyPairs(r -> { }).keyPairs().stream().map(KeyPairInfo::keyName).sorted().toList();
    }
}
