package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/** The first test leaves state everywhere; the second sees none of it. */
@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

    @Test
    @Order(1)
    void leavesStateBehind(LocalAws aws) {
        var ec2 = aws.clients().ec2(LocalAws.REGION);
        ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1));
        ec2.createKeyPair(b -> b.keyName("left-over"));
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("left-over"));
        aws.clients().iam().createInstanceProfile(b -> b.instanceProfileName("left-over"));
        aws.endpoint().inject(Fault.on("ec2", "*").always().error(500, "InternalError", "boom").skip(1000));
        aws.endpoint().setLatency(Duration.ofMillis(1));
        aws.endpoint().setTimingProfile(TimingProfile.realistic());
        aws.identityCenter().clearAccounts();
        aws.pricing().clear();
        aws.serviceQuotas().set(FakeServiceQuotas.G_AND_VT_ON_DEMAND, 0);
    }

    @Test
    @Order(2)
    void startsEmpty(LocalAws aws) {
        var ec2 = aws.clients().ec2(LocalAws.REGION);
        assertThat(aws.endpoint().requests()).isEmpty();
        assertThat(aws.endpoint().faults()).isEmpty();
        assertThat(aws.endpoint().timingProfile()).isNull();

        assertThat(ec2.describeInstances().reservations()).isEmpty();
        assertThat(ec2.describeKeyPairs().keyPairs()).isEmpty();
        assertThat(aws.clients().s3(LocalAws.REGION).listBuckets().buckets()).isEmpty();
        assertThat(aws.clients().iam().listInstanceProfiles().instanceProfiles()).isEmpty();
        assertThat(aws.identityCenter().accounts()).hasSize(2);
        assertThat(aws.pricing().prices()).hasSize(5);
        assertThat(aws.serviceQuotas().quota(FakeServiceQuotas.G_AND_VT_ON_DEMAND).orElseThrow().value()).isEqualTo(64);
        assertThat(aws.endpoint().requests()).hasSize(4).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
}
