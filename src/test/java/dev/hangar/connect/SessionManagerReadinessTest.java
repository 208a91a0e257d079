package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whether a session can be opened yet, against the local endpoint, whose Session Manager a test holds offline or lets register. */
@ExtendWith(LocalAwsExtension.class)
class SessionManagerReadinessTest {

    private LocalAws aws;
    private String instanceId;
    private SessionManagerReadiness readiness;

    @BeforeEach
    void runAnInstance(LocalAws aws) {
        this.aws = aws;
        instanceId = aws.clients().ec2(LocalAws.REGION).runInstances(r -> r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .minCount(1).maxCount(1)).instances().get(0).instanceId();
        readiness = new SessionManagerReadiness(aws.clients());
    }

    @Test
    void heldOfflineItIsNotOnlineAndSaysWhyThenOnlineOnceReleased() {
        aws.sessionManager().holdOffline(instanceId);

        Readiness held = readiness.check(LocalAws.REGION, instanceId);
        assertThat(held.online()).isFalse();
        assertThat(held.reason()).isEqualTo("The instance has not registered with Session Manager yet (usually 1–3 minutes after it starts).");

        aws.sessionManager().release(instanceId);
        assertThat(readiness.check(LocalAws.REGION, instanceId)).isEqualTo(Readiness.ready());
        assertThat(aws.endpoint().requests("ssm", "DescribeInstanceInformation")).last()
                .satisfies(r -> assertThat(r.bodyAsString()).contains("\"Key\":\"InstanceIds\"").contains(instanceId));
    }

    @Test
    void aStoppedInstanceSaysSoInPlainWords() {
        assertThat(readiness.check(LocalAws.REGION, instanceId).online()).isTrue();
        aws.clients().ec2(LocalAws.REGION).stopInstances(r -> r.instanceIds(instanceId));

        Readiness stopped = readiness.check(LocalAws.REGION, instanceId);
        assertThat(stopped.online()).isFalse();
        assertThat(stopped.reason()).matches("The instance is (stopping|stopped): start it first\\.");
    }

    @Test
    void anOnlineInstanceThatLosesItsAgentIsConnectionLost() {
        assertThat(readiness.check(LocalAws.REGION, instanceId).online()).isTrue();
        aws.sessionManager().holdOffline(instanceId);

        assertThat(readiness.check(LocalAws.REGION, instanceId).reason()).startsWith("Session Manager has lost the connection");
    }
}
