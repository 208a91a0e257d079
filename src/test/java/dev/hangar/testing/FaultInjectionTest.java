package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

@ExtendWith(LocalAwsExtension.class)
class FaultInjectionTest {

    private static final String ICE_MESSAGE = "We currently do not have sufficient g5.xlarge capacity in the "
            + "Availability Zone you requested (us-east-1a). Our system will be working on provisioning additional "
            + "capacity. You can currently get g5.xlarge capacity by not specifying an Availability Zone in your "
            + "request or choosing us-east-1b, us-east-1c.";

    private static RunInstancesRequest g5In(String zone) {
        return RunInstancesRequest.builder().imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType(InstanceType.G5_XLARGE)
                .minCount(1).maxCount(1).placement(p -> p.availabilityZone(zone)).build();
    }

    @Test
    void insufficientCapacitySurfacesAsEc2ExceptionWithItsCode(LocalAws aws) {
        Fault ice = aws.endpoint().inject(Fault.on("ec2", "RunInstances")
                .error(400, "InsufficientInstanceCapacity", ICE_MESSAGE));
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        assertThatThrownBy(() -> ec2.runInstances(g5In("us-east-1a")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InsufficientInstanceCapacity");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(ICE_MESSAGE);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(ice.fired()).isEqualTo(1);
        assertThat(aws.endpoint().requests("ec2", "RunInstances")).singleElement()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("InsufficientInstanceCapacity"));
        assertThat(ec2.describeInstances().reservations()).isEmpty();
    }

    @Test
    void faultCanBeLimitedToOneAvailabilityZone(LocalAws aws) {
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").where("Placement.AvailabilityZone", "us-east-1a")
                .always().error(500, "InsufficientInstanceCapacity", ICE_MESSAGE));
        Ec2Client ec2 = aws.clients(aws.settings().withMaxAttempts(1)).ec2(LocalAws.REGION);

        assertThatThrownBy(() -> ec2.runInstances(g5In("us-east-1a"))).isInstanceOf(Ec2Exception.class);
        assertThatThrownBy(() -> ec2.runInstances(g5In("us-east-1a"))).isInstanceOf(Ec2Exception.class);
        String id = ec2.runInstances(g5In("us-east-1b")).instances().get(0).instanceId();

        assertThat(ec2.describeInstances(b -> b.instanceIds(id)).reservations()).hasSize(1);
    }

    @Test
    void throttlingTwiceIsAbsorbedBySdkRetries(LocalAws aws) {
        Fault throttle = aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").times(2)
                .error(503, "RequestLimitExceeded", "Request limit exceeded."));
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        assertThat(ec2.describeInstances().reservations()).isEmpty();

        assertThat(throttle.fired()).isEqualTo(2);
        assertThat(aws.endpoint().requests("ec2", "DescribeInstances"))
                .extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void connectionResetIsRetriedBySdk(LocalAws aws) {
        Fault reset = aws.endpoint().inject(Fault.on("ec2", "DescribeVpcs").connectionReset());
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        assertThat(ec2.describeVpcs().vpcs()).isNotEmpty(); // moto's default VPC

        assertThat(reset.fired()).isEqualTo(1);
        assertThat(aws.endpoint().requests("ec2", "DescribeVpcs"))
                .extracting(RecordedRequest::status).containsExactly(0, 200);
        assertThat(aws.endpoint().requests("ec2", "DescribeVpcs").get(0).errorCode()).isEqualTo("ConnectionReset");
    }

    @Test
    void skipLetsTheFirstCallsThrough(LocalAws aws) {
        Fault f = aws.endpoint().inject(Fault.on("ec2", "DescribeVpcs").skip(2)
                .error(400, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        ec2.describeVpcs();
        ec2.describeVpcs();
        assertThatThrownBy(ec2::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation"));
        ec2.describeVpcs();

        assertThat(f.matched()).isEqualTo(4);
        assertThat(f.fired()).isEqualTo(1);
    }

    @Test
    void delayHoldsTheCallThenAnswersIt(LocalAws aws) {
        aws.endpoint().inject(Fault.on("ec2", "DescribeVpcs").delay(Duration.ofMillis(300)));
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        ec2.describeVpcs();

        RecordedRequest r = aws.endpoint().requests("ec2", "DescribeVpcs").get(0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void latencyAppliesToEveryCall(LocalAws aws) {
        aws.endpoint().setLatency(Duration.ofMillis(100));
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);

        ec2.describeVpcs();
        ec2.describeSubnets();

        assertThat(aws.endpoint().requests()).allSatisfy(
                r -> assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void iamErrorIsRenderedInIamsFormatAndParsedAsItsModeledException(LocalAws aws) {
        IamClient iam = aws.clients().iam();
        iam.createRole(b -> b.roleName("hangar-x-abc123").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        aws.endpoint().inject(Fault.on("iam", "GetRole")
                .error(404, "NoSuchEntity", "The role with name hangar-x-abc123 cannot be found."));

        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("hangar-x-abc123")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("cannot be found");
                });
        // the fault fired once; the role is really there
        assertThat(iam.getRole(b -> b.roleName("hangar-x-abc123")).role().roleName()).isEqualTo("hangar-x-abc123");
    }
}
