package dev.hangar.checklist;

import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test specs and facts for the checklist. */
final class Specs {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SUBNET = "subnet-0123456789abcdef0";

    private Specs() {
    }

    /** Valid, with every default: SSM, Hangar's private network (no public IP), read-only, idle stop 60. */
    static LaunchSpec.Builder base() {
        return LaunchSpec.builder().name("llama-finetune").region("us-east-1").amiId("ami-0123456789abcdef0")
                .instanceType("g5.xlarge").dataBucket("my-datasets");
    }

    static LaunchSpec spec() {
        return base().build();
    }

    static LaunchSpec ssh(String cidr) {
        return base().access(Access.SSH).keyPair("my-key").sshCidr(cidr).allowSshFromAnywhere(cidr.endsWith("/0")).build();
    }

    static AccountFacts.Builder facts() {
        return AccountFacts.builder();
    }

    static AccountFacts unknown() {
        return AccountFacts.unknown();
    }

    /** Everything known and fine: a private subnet with a NAT gateway. */
    static AccountFacts allGood() {
        return facts().ebsEncryptionByDefault(true).bucketBlocksPublicAccess(true).bucketIsPublic(false).bucketRequiresTls(true)
                .bucketHasDefaultEncryption(true).amiCreationDate(NOW.minusSeconds(86400L * 20)).amiName("Deep Learning AMI")
                .subnetIsPublic(false).subnetIsDefaultVpc(false).subnetHasNatOrEndpoints(true).subnetRoutesToNat(true)
                .onDemandPricePerHour(1.006).build();
    }
}
