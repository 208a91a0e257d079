package dev.hangar.checklist;

import java.time.Instant;
import java.util.List;

/**
 * What preflight learned about the account, image, bucket and network. Every fact is nullable: null means
 * unknown (offline, or not allowed to look), and a rule that needs an unknown fact warns "could not check".
 *
 * @param bucketIsPublic          the bucket's policy or ACL lets anyone in now (and Block Public Access does not stop it)
 * @param subnetIsPublic          the subnet routes 0.0.0.0/0 to an internet gateway
 * @param subnetIsDefaultVpc      the subnet belongs to the region's default VPC
 * @param subnetHasNatOrEndpoints the subnet reaches AWS services without a public IP: a route to a NAT
 *                                gateway, or VPC endpoints for SSM (ssm, ssmmessages, ec2messages) and S3
 * @param subnetRoutesToNat       the subnet's route table sends traffic to a NAT gateway: the internet is reachable
 *                                without a public IP (pip, model downloads)
 * @param onDemandPricePerHour    USD per hour for the spec's instance type, default tenancy
 * @param amiDescription          the image's description, which names its driver stack more often than its name
 * @param accelerator             the instance type's accelerator as AWS (DescribeInstanceTypes) or the GPU catalog reports
 *                                it; null when neither was asked (the family's known accelerator serves then)
 * @param acceleratorDevices      the type's accelerators in words, e.g. "8 × Habana Gaudi HL-205"; null when unknown
 * @param imageOptions            images the researcher could pick instead (the ones the wizard listed), newest first;
 *                                empty when none were listed
 */
public record AccountFacts(
        Boolean ebsEncryptionByDefault,
        Boolean bucketBlocksPublicAccess,
        Boolean bucketIsPublic,
        Boolean bucketRequiresTls,
        Boolean bucketHasDefaultEncryption,
        Instant amiCreationDate,
        String amiName,
        Boolean subnetIsPublic,
        Boolean subnetIsDefaultVpc,
        Boolean subnetHasNatOrEndpoints,
        Boolean subnetRoutesToNat,
        Double onDemandPricePerHour,
        String amiDescription,
        Accelerator accelerator,
        String acceleratorDevices,
        List<ImageOption> imageOptions) {

    public AccountFacts {
        imageOptions = imageOptions == null ? List.of() : List.copyOf(imageOptions);
    }

    private static final AccountFacts UNKNOWN = builder().build();

    /** Nothing known: the offline checklist. */
    public static AccountFacts unknown() {
        return UNKNOWN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().ebsEncryptionByDefault(ebsEncryptionByDefault).bucketBlocksPublicAccess(bucketBlocksPublicAccess)
                .bucketIsPublic(bucketIsPublic).bucketRequiresTls(bucketRequiresTls).bucketHasDefaultEncryption(bucketHasDefaultEncryption)
                .amiCreationDate(amiCreationDate).amiName(amiName).subnetIsPublic(subnetIsPublic)
                .subnetIsDefaultVpc(subnetIsDefaultVpc).subnetHasNatOrEndpoints(subnetHasNatOrEndpoints)
                .subnetRoutesToNat(subnetRoutesToNat).onDemandPricePerHour(onDemandPricePerHour).amiDescription(amiDescription)
                .accelerator(accelerator).acceleratorDevices(acceleratorDevices).imageOptions(imageOptions);
    }

    /** Every fact starts unknown. */
    public static final class Builder {
        private Boolean ebsEncryptionByDefault;
        private Boolean bucketBlocksPublicAccess;
        private Boolean bucketIsPublic;
        private Boolean bucketRequiresTls;
        private Boolean bucketHasDefaultEncryption;
        private Instant amiCreationDate;
        private String amiName;
        private Boolean subnetIsPublic;
        private Boolean subnetIsDefaultVpc;
        private Boolean subnetHasNatOrEndpoints;
        private Boolean subnetRoutesToNat;
        private Double onDemandPricePerHour;
        private String amiDescription;
        private Accelerator accelerator;
        private String acceleratorDevices;
        private List<ImageOption> imageOptions = List.of();

        private Builder() {
        }

        public Builder ebsEncryptionByDefault(Boolean v) { ebsEncryptionByDefault = v; return this; }
        public Builder bucketBlocksPublicAccess(Boolean v) { bucketBlocksPublicAccess = v; return this; }
        public Builder bucketIsPublic(Boolean v) { bucketIsPublic = v; return this; }
        public Builder bucketRequiresTls(Boolean v) { bucketRequiresTls = v; return this; }
        public Builder bucketHasDefaultEncryption(Boolean v) { bucketHasDefaultEncryption = v; return this; }
        public Builder amiCreationDate(Instant v) { amiCreationDate = v; return this; }
        public Builder amiName(String v) { amiName = v; return this; }
        public Builder subnetIsPublic(Boolean v) { subnetIsPublic = v; return this; }
        public Builder subnetIsDefaultVpc(Boolean v) { subnetIsDefaultVpc = v; return this; }
        public Builder subnetHasNatOrEndpoints(Boolean v) { subnetHasNatOrEndpoints = v; return this; }
        public Builder subnetRoutesToNat(Boolean v) { subnetRoutesToNat = v; return this; }
        public Builder onDemandPricePerHour(Double v) { onDemandPricePerHour = v; return this; }
        public Builder amiDescription(String v) { amiDescription = v; return this; }
        public Builder accelerator(Accelerator v) { accelerator = v; return this; }
        public Builder acceleratorDevices(String v) { acceleratorDevices = v; return this; }
        public Builder imageOptions(List<ImageOption> v) { imageOptions = v; return this; }

        public AccountFacts build() {
            return new AccountFacts(ebsEncryptionByDefault, bucketBlocksPublicAccess, bucketIsPublic, bucketRequiresTls,
                    bucketHasDefaultEncryption, amiCreationDate, amiName, subnetIsPublic, subnetIsDefaultVpc,
                    subnetHasNatOrEndpoints, subnetRoutesToNat, onDemandPricePerHour, amiDescription, accelerator, acceleratorDevices,
                    imageOptions);
        }
    }
}
