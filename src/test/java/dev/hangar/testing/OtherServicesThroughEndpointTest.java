package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Services moto answers, seen through the front server: identified, recorded, parsed. */
@ExtendWith(LocalAwsExtension.class)
class OtherServicesThroughEndpointTest {

    @Test
    void cloudWatchIsRecordedUnderItsNameNotItsSigningName(LocalAws aws) {
        CloudWatchClient cw = aws.clients().cloudWatch(LocalAws.REGION);

        cw.putMetricData(b -> b.namespace("Hangar").metricData(d -> d.metricName("GPUUtilization")
                .value(87.5).unit(StandardUnit.PERCENT).timestamp(Instant.now())));
        assertThat(cw.listMetrics(b -> b.namespace("Hangar")).metrics()).hasSize(1);

        assertThat(aws.endpoint().requests()).extracting(RecordedRequest::service).containsOnly("cloudwatch");
        RecordedRequest put = aws.endpoint().requests("cloudwatch", "PutMetricData").get(0);
        assertThat(put.param("MetricData.member.1.MetricName")).isEqualTo("GPUUtilization");
        assertThat(put.isMutating()).isTrue();
    }

    @Test
    void ssmJsonBodyIsFlattenedAndMotosPublicParametersWork(LocalAws aws) {
        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);

        String ami = ssm.getParameter(b -> b.name("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"))
                .parameter().value();

        assertThat(ami).startsWith("ami-");
        // the public parameter points at an AMI moto really has (moto's defaults are kept next to ours)
        assertThat(aws.clients().ec2(LocalAws.REGION).describeImages(b -> b.imageIds(ami)).images()).hasSize(1);
        assertThat(aws.endpoint().requests("ssm", "GetParameter").get(0).param("Name"))
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    }

    @Test
    void parallelCallsAreAllAnsweredAndRecorded(LocalAws aws) {
        var ec2 = aws.clients().ec2(LocalAws.REGION);

        java.util.stream.IntStream.range(0, 24).parallel().forEach(i -> ec2.createSecurityGroup(b -> b
                .groupName("sg-" + i).description("parallel " + i)));

        assertThat(ec2.describeSecurityGroups(b -> b.filters(f -> f.name("description").values("parallel *")))
                .securityGroups()).hasSize(24);
        assertThat(aws.endpoint().count("ec2", "CreateSecurityGroup")).isEqualTo(24);
        assertThat(aws.endpoint().mutatingRequests()).hasSize(24);
    }

    @Test
    void stsGetCallerIdentityIsMotosAccount(LocalAws aws) {
        assertThat(aws.clients().sts(LocalAws.REGION).getCallerIdentity().account()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(aws.endpoint().requests()).extracting(RecordedRequest::service, RecordedRequest::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sts", "GetCallerIdentity"));
    }
}
