package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** The front server gives EC2 the ClientToken idempotency moto lacks. */
@ExtendWith(LocalAwsExtension.class)
class ClientTokenTest {

    @Test
    void retryAfterALostResponseReturnsTheSameInstanceInsteadOfASecond(LocalAws aws) {
        Fault lost = aws.endpoint().inject(Fault.on("ec2", "RunInstances").responseLost());
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        // no clientToken given: the SDK fills one in (idempotencyToken) and reuses it on retry
        String id = ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1)).instances().get(0).instanceId();

        assertThat(lost.fired()).isEqualTo(1);
        assertThat(aws.endpoint().requests("ec2", "RunInstances")).extracting(RecordedRequest::errorCode)
                .containsExactly("ResponseLost(200)", null);
        assertThat(ec2.describeInstances().reservations()).flatExtracting(Reservation::instances).singleElement()
                .satisfies(i -> assertThat(i.instanceId()).isEqualTo(id));
    }

    @Test
    void sameTokenWithOtherParametersIsAMismatch(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);
        ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1).clientToken("launch-1"));

        assertThatThrownBy(() -> ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType(InstanceType.G5_2_XLARGE).minCount(1).maxCount(1).clientToken("launch-1")))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatch"));
        assertThat(ec2.describeInstances().reservations()).hasSize(1);
    }

    @Test
    void sameTokenAndParametersGiveTheSameInstance(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        String first = ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1).clientToken("launch-2")).instances().get(0).instanceId();
        String again = ec2.runInstances(b -> b.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1).clientToken("launch-2")).instances().get(0).instanceId();

        assertThat(again).isEqualTo(first);
        assertThat(ec2.describeInstances().reservations()).hasSize(1);
    }
}
