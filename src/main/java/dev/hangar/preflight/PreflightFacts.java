package dev.hangar.preflight;

import dev.hangar.checklist.Accelerator;
import dev.hangar.checklist.AccountFacts;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the checks found, filled in by several checks at once; some checks wait for what another found. */
final class PreflightFacts {

    volatile String accountId;
    volatile String callerArn;
    volatile Boolean ebsEncryptionByDefault;
    volatile Boolean bucketBlocksPublicAccess;
    volatile Boolean bucketIsPublic;
    volatile Boolean bucketRequiresTls;
    volatile Boolean bucketHasDefaultEncryption;
    volatile Boolean subnetIsPublic;
    volatile Boolean subnetInDefaultVpc;
    volatile Boolean subnetHasNatOrEndpoints;
    volatile Boolean subnetRoutesToNat;
    /** The image, once found (or null when it does not exist): the DryRun needs its root device name. */
    final CompletableFuture<ImageFacts> image = new CompletableFuture<>();
    /** The instance type's vCPUs and architectures. */
    final CompletableFuture<TypeFacts> type = new CompletableFuture<>();
    /** DescribeInstanceTypes' NetworkInfo.EfaSupported for the type; null when the type was not found. */
    final CompletableFuture<Boolean> efaSupported = new CompletableFuture<>();

    record ImageFacts(String name, String description, String rootDeviceName, String architecture, Instant created) {
    }

    /** @param accelerators the type's accelerators in words, e.g. "8 × Habana Gaudi HL-205"; null without any */
    record TypeFacts(int vcpus, List<String> architectures, Accelerator accelerator, String accelerators) {
    }

    String accountId() {
        return accountId;
    }

    /** What the security checklist judges; the price is the catalog's to add. */
    AccountFacts toAccountFacts() {
        ImageFacts img = image.getNow(null);
        TypeFacts t = type.getNow(null);
        return AccountFacts.builder().ebsEncryptionByDefault(ebsEncryptionByDefault)
                .bucketBlocksPublicAccess(bucketBlocksPublicAccess).bucketIsPublic(bucketIsPublic).bucketRequiresTls(bucketRequiresTls)
                .bucketHasDefaultEncryption(bucketHasDefaultEncryption)
                .amiCreationDate(img == null ? null : img.created()).amiName(img == null ? null : img.name())
                .subnetIsPublic(subnetIsPublic).subnetIsDefaultVpc(subnetInDefaultVpc).subnetHasNatOrEndpoints(subnetHasNatOrEndpoints)
                .subnetRoutesToNat(subnetRoutesToNat).amiDescription(img == null ? null : img.description())
                .accelerator(t == null ? null : t.accelerator()).acceleratorDevices(t == null ? null : t.accelerators()).build();
    }
}
