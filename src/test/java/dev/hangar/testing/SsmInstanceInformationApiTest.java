package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilterKey;
import software.amazon.awssdk.services.ssm.model.PingStatus;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The front server's DescribeInstanceInformation, read by the real SDK: filters, pages and errors as AWS has them. */
@ExtendWith(LocalAwsExtension.class)
class SsmInstanceInformationApiTest {

    private LocalAws aws;
    private SsmClient ssm;
    private List<String> ids;

    @BeforeEach
    void sixInstances(LocalAws aws) {
        this.aws = aws;
        ssm = aws.clients().ssm(LocalAws.REGION);
        ids = aws.clients().ec2(LocalAws.REGION).runInstances(r -> r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .minCount(6).maxCount(6)).instances().stream().map(i -> i.instanceId()).sorted().toList();
    }

    @Test
    void runningInstancesAreOnlineUnlessHeld() {
        aws.sessionManager().holdOffline(ids.get(0));

        List<InstanceInformation> all = ssm.describeInstanceInformationPaginator(r -> { }).instanceInformationList().stream().toList();
        assertThat(all).extracting(InstanceInformation::instanceId).containsExactlyElementsOf(ids.subList(1, 6));
        assertThat(all).allSatisfy(i -> {
            assertThat(i.pingStatus()).isEqualTo(PingStatus.ONLINE);
            assertThat(i.resourceTypeAsString()).isEqualTo("EC2Instance");
            assertThat(i.platformTypeAsString()).isEqualTo("Linux");
            assertThat(i.lastPingDateTime()).isNotNull();
        });
    }

    @Test
    void bothFilterFormsNarrowToTheInstancesAsked() {
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("InstanceIds").values(ids.get(2), ids.get(4))))
                .instanceInformationList()).extracting(InstanceInformation::instanceId).containsExactly(ids.get(2), ids.get(4));
        assertThat(ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(f -> f.key(InstanceInformationFilterKey.INSTANCE_IDS)
                .valueSet(ids.get(3)))).instanceInformationList()).extracting(InstanceInformation::instanceId).containsExactly(ids.get(3));
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("PingStatus").values("ConnectionLost")))
                .instanceInformationList()).isEmpty();
    }

    @Test
    void pagesCarryANextToken() {
        var first = ssm.describeInstanceInformation(r -> r.maxResults(5));
        assertThat(first.instanceInformationList()).hasSize(5);
        assertThat(first.nextToken()).isNotBlank();
        var second = ssm.describeInstanceInformation(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.instanceInformationList()).extracting(InstanceInformation::instanceId).containsExactly(ids.get(5));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void badRequestsAreRefusedAsAwsRefusesThem() {
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.maxResults(3)))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.filters(f -> f.key("Color").values("blue"))))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidFilterKey"));
        assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> r.nextToken("nonsense")))
                .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }
}
