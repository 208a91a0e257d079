package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Tenancy;

@ExtendWith(LocalAwsExtension.class)
class Ec2ThroughEndpointTest {

    @Test
    void runInstancesRoundTripWithAFixtureAmi(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        RunInstancesResponse run = ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType(InstanceType.G5_XLARGE).minCount(1).maxCount(1));

        String id = run.instances().get(0).instanceId();
        List<Instance> seen = ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances();
        assertThat(seen).singleElement().satisfies(i -> {
            assertThat(i.imageId()).isEqualTo(Fixtures.PYTORCH_UBUNTU_AMI);
            assertThat(i.instanceType()).isEqualTo(InstanceType.G5_XLARGE);
        });
        assertThat(aws.endpoint().count("ec2", "RunInstances")).isEqualTo(1);
        assertThat(aws.endpoint().requests("ec2", "DescribeInstances")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void recordsTenancyClientTokenAndTagsThatMotoIgnores(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1).clientToken("launch-42")
                .placement(p -> p.tenancy(Tenancy.DEDICATED).availabilityZone("us-east-1b"))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("hangar:launch-id").value("l-1").build()).build()));

        RecordedRequest run = aws.endpoint().requests("ec2", "RunInstances").get(0);
        assertThat(run.param("Placement.Tenancy")).isEqualTo("dedicated");
        assertThat(run.param("ClientToken")).isEqualTo("launch-42");
        assertThat(run.param("TagSpecification.1.Tag.1.Key")).isEqualTo("hangar:launch-id");
        assertThat(run.region()).isEqualTo("us-east-1");
        assertThat(run.isMutating()).isTrue();
        // moto quirk: it reports tenancy "default" whatever was asked, so assert on the record as above
        assertThat(ec2.describeInstances().reservations().get(0).instances().get(0).placement().tenancyAsString())
                .isEqualTo("default");
    }

    @Test
    void fixtureAmisAreDescribedWithOwnerArchitectureAndCreationDate(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        List<Image> dlamis = ec2.describeImages(b -> b.owners(Fixtures.DLAMI_OWNER)
                .filters(Filter.builder().name("name").values("Deep Learning*PyTorch 2.5.1*").build())).images();

        assertThat(dlamis).extracting(Image::imageId)
                .containsExactlyInAnyOrder(Fixtures.PYTORCH_UBUNTU_AMI, Fixtures.PYTORCH_ARM64_AMI);
        Image old = ec2.describeImages(b -> b.imageIds(Fixtures.OLD_PYTORCH_AMI)).images().get(0);
        assertThat(Instant.parse(old.creationDate())).isBefore(Instant.parse("2024-01-01T00:00:00Z"));
        Image arm = ec2.describeImages(b -> b.imageIds(Fixtures.PYTORCH_ARM64_AMI)).images().get(0);
        assertThat(arm.architectureAsString()).isEqualTo("arm64");
        // moto's own default AMIs are still there next to ours
        assertThat(ec2.describeImages(b -> b.owners("amazon")).images()).hasSizeGreaterThan(100);
    }

    @Test
    void fixtureAmisExistInOtherRegionsToo(LocalAws aws) {
        // a second region builds a second moto EC2 backend: the one moto 5.2.1 broke on creation_date
        Ec2Client ec2 = aws.clients().ec2("us-west-2");

        assertThat(ec2.describeImages(b -> b.imageIds(Fixtures.PYTORCH_AL2023_AMI)).images()).hasSize(1);
    }

    @Test
    void unknownAmiIsRejectedAsByAws(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        assertThatThrownBy(() -> ec2.runInstances(b -> b.imageId("ami-0123456789abcdef0")
                .instanceType(InstanceType.G5_XLARGE).minCount(1).maxCount(1)))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAMIID.NotFound"));
    }

    @Test
    void dryRunIsRecordedButNotMutating(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        assertThatThrownBy(() -> ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType(InstanceType.G5_XLARGE).minCount(1).maxCount(1).dryRun(true)))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation"));

        RecordedRequest dry = aws.endpoint().requests("ec2", "RunInstances").get(0);
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.status()).isEqualTo(412);
        assertThat(dry.errorCode()).isEqualTo("DryRunOperation");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }
}
