package dev.hangar.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class PreflightTest {

    private LocalAws aws;

    @BeforeEach
    void bucket(LocalAws aws) {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.endpoint().clearRecord();
    }

    private static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data");
    }

    private Preflight.Result run(LaunchSpec spec) {
        return new Preflight(aws.clients(), Clock.systemUTC()).run(spec);
    }

    private static PreflightCheck check(Preflight.Result r, String id) {
        return r.report().checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aGoodSpecPassesEveryCheckAndChangesNothing() {
        Preflight.Result r = run(spec().build());
        assertThat(r.report().checks()).extracting(PreflightCheck::id)
                .containsExactly("identity", "image", "image-fits-accelerator", "dry-run", "offering", "vcpu-quota", "bucket", "key-pair", "network", "ebs-default-encryption",
                        "connect-permissions");
        assertThat(r.report().checks()).filteredOn(c -> !c.id().equals("ebs-default-encryption")).allMatch(c -> c.status() == Status.PASS);
        assertThat(r.report().passed()).isTrue();
        assertThat(r.report().accountId()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(aws.endpoint().requests("ec2", "RunInstances")).allMatch(q -> q.isDryRun());
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void preflightObservesWhatTheChecklistJudges() {
        // The default VPC's subnets are what is judged here: Hangar's own network (the default) has no subnet yet.
        Preflight.Result r = run(spec().network(dev.hangar.spec.NetworkMode.PUBLIC).build());
        assertThat(r.facts().amiName()).startsWith("Deep Learning");
        assertThat(r.facts().amiCreationDate()).isNotNull();
        assertThat(r.facts().subnetIsDefaultVpc()).isTrue();
        // moto's default VPC has no internet-gateway route (AWS's has): only that it was read is asserted.
        assertThat(r.facts().subnetIsPublic()).isNotNull();
        assertThat(r.facts().subnetHasNatOrEndpoints()).isFalse();
        assertThat(r.facts().bucketBlocksPublicAccess()).isFalse();
        assertThat(r.facts().ebsEncryptionByDefault()).isNotNull();
    }

    @Test
    void aMissingPermissionIsNamed() {
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").where("DryRun", "true").always().error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ec2:RunInstances"));
        PreflightCheck dryRun = check(run(spec().build()), "dry-run");
        assertThat(dryRun.status()).isEqualTo(Status.FAIL);
        assertThat(dryRun.detail()).contains("ec2:RunInstances");
    }

    @Test
    void theCallersRightToConnectIsSimulatedAndAMissingOneNamed() {
        PreflightCheck allowed = check(run(spec().build()), "connect-permissions");
        assertThat(allowed.status()).isEqualTo(Status.PASS);
        var asked = aws.endpoint().requests("iam", "SimulatePrincipalPolicy").get(0).bodyAsString();
        assertThat(asked).contains("PolicySourceArn=" + java.net.URLEncoder.encode("arn:aws:sts::123456789012:user/moto",
                java.nio.charset.StandardCharsets.UTF_8), "ssm%3AStartSession", "ssm%3ASendCommand", "ec2-instance-connect%3ASendSSHPublicKey",
                java.net.URLEncoder.encode("arn:aws:ec2:us-east-1:123456789012:instance/*", java.nio.charset.StandardCharsets.UTF_8));

        aws.iamSimulator().deny("ec2-instance-connect:SendSSHPublicKey");
        PreflightCheck denied = check(run(spec().build()), "connect-permissions");
        assertThat(denied.status()).as("the launch still works: a warning").isEqualTo(Status.WARN);
        assertThat(denied.detail()).contains("lacks ec2-instance-connect:SendSSHPublicKey", "ssh, scp and VS Code")
                .doesNotContain("ssm:StartSession").doesNotContain("Jupyter");
        assertThat(check(run(spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("mine").build()), "dry-run")).isNotNull();
    }

    @Test
    void tooLittleQuotaFailsWithNeededVersusAllowed() {
        aws.serviceQuotas().set("L-DB2E81BA", 2);
        PreflightCheck quota = check(run(spec().build()), "vcpu-quota");
        assertThat(quota.status()).isEqualTo(Status.FAIL);
        assertThat(quota.detail()).contains("4 vCPUs needed").contains("2 allowed").contains("request an increase");
        assertThat(quota.title()).isEqualTo("vCPU quota too low");
    }

    @Test
    void pTypesCountAgainstThePQuota() {
        PreflightCheck quota = check(run(spec().instanceType("p4d.24xlarge").build()), "vcpu-quota");
        assertThat(quota.detail()).contains("L-417A185B").contains("96 vCPUs needed");
    }

    @Test
    void anArmImageDoesNotFitAnX86Type() {
        PreflightCheck image = check(run(spec().amiId(Fixtures.PYTORCH_ARM64_AMI).build()), "image");
        assertThat(image.status()).isEqualTo(Status.FAIL);
        assertThat(image.detail()).contains("arm64").contains("x86_64");
        assertThat(image.title()).as("what was found").isEqualTo("Image is for arm64, not x86_64");
    }

    @Test
    void anNvidiaImageDoesNotFitAHabanaTypeAndTheDriverMatchesForAnNvidiaOne() {
        PreflightCheck slip = check(run(spec().instanceType("dl1.24xlarge").build()), "image-fits-accelerator");
        assertThat(slip.status()).isEqualTo(Status.FAIL);
        assertThat(slip.detail()).startsWith("amiId: Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1")
                .contains("carries the NVIDIA driver and CUDA", "dl1.24xlarge's Habana Gaudi accelerator (8 × Habana Gaudi HL-205)",
                        "Pick the AWS Deep Learning AMI for Habana Gaudi");
        assertThat(slip.title()).as("what was found, as the checklist says it").isEqualTo("The image is for NVIDIA GPUs, not the Habana Gaudi accelerator");
        PreflightCheck fits = check(run(spec().build()), "image-fits-accelerator");
        assertThat(fits.status()).isEqualTo(Status.PASS);
        assertThat(fits.detail()).contains("g5.xlarge's NVIDIA GPU (1 × NVIDIA A10G)");
        assertThat(fits.title()).isEqualTo("Image has the driver for the NVIDIA GPU");
        Preflight.Result seen = run(spec().build());
        assertThat(seen.facts().accelerator()).isEqualTo(dev.hangar.checklist.Accelerator.NVIDIA);
        assertThat(seen.facts().acceleratorDevices()).isEqualTo("1 × NVIDIA A10G");
        assertThat(seen.facts().amiDescription()).contains("NVIDIA driver 550.127.05");
        PreflightCheck neuron = check(run(spec().instanceType("trn1.32xlarge").build()), "image-fits-accelerator");
        assertThat(neuron.status()).as("Trainium reports Neuron devices, not GPUs").isEqualTo(Status.FAIL);
        assertThat(neuron.detail()).contains("AWS Neuron accelerator");
        PreflightCheck plain = check(run(spec().amiId(Fixtures.UBUNTU_AMI).build()), "image-fits-accelerator");
        assertThat(plain.status()).isEqualTo(Status.FAIL);
        assertThat(plain.detail()).contains("has no accelerator driver");
    }

    @Test
    void missingBucketAndKeyPairAreFailuresNamingTheirFields() {
        Preflight.Result r = run(spec().dataBucket("no-such-bucket-x").access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("nope").build());
        assertThat(check(r, "bucket").detail()).startsWith("dataBucket:");
        assertThat(check(r, "key-pair").detail()).startsWith("keyPair:");
        assertThat(check(r, "bucket").title()).isEqualTo("Data bucket not found");
        assertThat(check(r, "key-pair").title()).isEqualTo("Key pair not found");
        assertThat(r.report().passed()).isFalse();
    }

    @Test
    void aZoneThatDoesNotOfferTheTypeFails() {
        PreflightCheck offering = check(run(spec().availabilityZone("us-east-1e").build()), "offering");
        assertThat(offering.status()).isEqualTo(Status.FAIL);
        assertThat(offering.detail()).startsWith("availabilityZone:");
        assertThat(offering.title()).isEqualTo("Type not offered in us-east-1e");
    }
}
