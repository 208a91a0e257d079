package dev.hangar.preflight;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.catalog.BucketPosture;
import dev.hangar.catalog.QuotaCodes;
import dev.hangar.checklist.Accelerator;
import dev.hangar.checklist.ImageDriver;
import dev.hangar.checklist.ImageFitsAcceleratorRule;
import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.preflight.PreflightFacts.ImageFacts;
import dev.hangar.preflight.PreflightFacts.TypeFacts;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** The individual preflight checks; each returns its result and records what it saw in {@link PreflightFacts}. */
record PreflightChecks(AwsClients aws, LaunchSpec spec, PreflightFacts facts) {

    private Ec2Client ec2() {
        return aws.ec2(spec.region());
    }

    PreflightCheck identity() {
        var me = aws.sts(spec.region()).getCallerIdentity();
        facts.accountId = me.account();
        facts.callerArn = me.arn();
        return pass("identity", "Signed in", "account " + me.account() + " as " + me.arn());
    }

    PreflightCheck image() {
        ImageFacts found = null;
        try {
            List<Image> images = ec2().describeImages(r -> r.imageIds(spec.amiId())).images();
            if (!images.isEmpty()) {
                Image i = images.get(0);
                found = new ImageFacts(i.name(), i.description(), i.rootDeviceName(), i.architectureAsString(), parse(i.creationDate()));
            }
        } catch (AwsServiceException e) {
            if (!code(e).startsWith("InvalidAMIID")) {
                throw e;
            }
        } finally {
            facts.image.complete(found);
        }
        if (found == null) {
            return fail("image", "Image not found", "amiId: " + spec.amiId() + " does not exist in " + spec.region() + " or is not shared with you");
        }
        TypeFacts type = facts.type.join();
        if (type != null && found.architecture() != null && !type.architectures().contains(found.architecture())) {
            return fail("image", "Image is for " + found.architecture() + ", not " + String.join("/", type.architectures()),
                    "amiId: " + spec.amiId() + " is built for " + found.architecture() + " but "
                    + spec.instanceType() + " runs " + String.join("/", type.architectures()) + "; pick an image for that architecture");
        }
        return pass("image", "Image exists and fits the CPU architecture", found.name() + " (" + found.architecture() + ")");
    }

    /** The image's driver stack, read from its name and description, against the accelerator AWS reports for the type. */
    PreflightCheck imageFitsAccelerator() {
        String id = ImageFitsAcceleratorRule.ID;
        ImageFacts image = facts.image.join();
        TypeFacts type = facts.type.join();
        if (image == null || type == null) {
            return new PreflightCheck(id, "Image's driver not checked", Status.WARN,
                    "not checked: " + (image == null ? "the image" : "the instance type") + " was not found");
        }
        Accelerator needed = type.accelerator();
        if (needed == Accelerator.NONE) {
            return pass(id, "Any image fits a type without accelerator",
                    spec.instanceType() + " has no GPU or other accelerator: any image will do");
        }
        String hardware = spec.instanceType() + "'s " + needed.hardware() + (type.accelerators() == null ? "" : " (" + type.accelerators() + ")");
        Set<Accelerator> carried = ImageDriver.of(image.name(), image.description());
        if (carried.contains(needed)) {
            return pass(id, "Image has the driver for the " + needed.hardware(),
                    image.name() + " carries " + needed.driver() + " for " + hardware);
        }
        if (carried.isEmpty()) {
            return new PreflightCheck(id, "Could not tell if the image fits the " + needed.hardware(), Status.WARN,
                    "could not tell which accelerator driver " + image.name()
                    + " carries; make sure it has " + needed.driver() + ", or " + hardware + " cannot be used");
        }
        String has = carried.equals(Set.of(Accelerator.NONE)) ? " has no accelerator driver"
                : " carries " + carried.stream().map(Accelerator::driver).collect(Collectors.joining(" and "));
        return fail(id, ImageFitsAcceleratorRule.mismatch(carried, needed),
                "amiId: " + image.name() + has + ", but " + hardware + " needs " + needed.driver() + ": the instance would bill by the hour and nothing could train on it. Pick " + needed.imageFamily());
    }

    PreflightCheck dryRun() {
        ImageFacts image = facts.image.join();
        if (image == null) {
            return new PreflightCheck("dry-run", "Launch not tried (DryRun)", Status.WARN, "not tried: the image was not found");
        }
        RunInstancesRequest.Builder r = RunInstancesRequest.builder().dryRun(true)
                .imageId(spec.amiId()).instanceType(spec.instanceType()).minCount(1).maxCount(1)
                .placement(p -> p.tenancy(Tenancy.fromValue(spec.tenancy().wireName())).availabilityZone(spec.availabilityZone()))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED).httpPutResponseHopLimit(1))
                .monitoring(m -> m.enabled(true)).ebsOptimized(true)
                .blockDeviceMappings(b -> b.deviceName(image.rootDeviceName())
                        .ebs(e -> e.volumeSize(spec.rootVolumeGiB()).volumeType(VolumeType.GP3).encrypted(true).deleteOnTermination(true)));
        if (spec.subnetId() != null) {
            r.subnetId(spec.subnetId());
        }
        if (spec.keyPair() != null && !spec.createKeyPair()) {
            r.keyName(spec.keyPair());
        }
        if (spec.market() == Market.SPOT) {
            r.instanceMarketOptions(m -> m.marketType(MarketType.SPOT));
        }
        try {
            ec2().runInstances(r.build());
            return pass("dry-run", "Launch allowed (DryRun)", "allowed");
        } catch (AwsServiceException e) {
            return switch (code(e)) {
                case "DryRunOperation" -> pass("dry-run", "Launch allowed (DryRun)", "AWS would accept this launch");
                case "UnauthorizedOperation" -> fail("dry-run", "Launch refused (DryRun)",
                        "your credentials may not run this launch (ec2:RunInstances is missing or limited): " + message(e));
                default -> fail("dry-run", "Launch refused (DryRun)", code(e) + ": " + message(e));
            };
        }
    }

    PreflightCheck offering() {
        Set<String> zones = ec2().describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(filter("instance-type", spec.instanceType())))
                .instanceTypeOfferings().stream().map(o -> o.location()).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (zones.isEmpty()) {
            return fail("offering", "Type not offered in " + spec.region(), "instanceType: " + spec.instanceType() + " is not offered in " + spec.region());
        }
        if (spec.availabilityZone() != null && !zones.contains(spec.availabilityZone())) {
            return fail("offering", "Type not offered in " + spec.availabilityZone(), "availabilityZone: " + spec.instanceType() + " is not offered in "
                    + spec.availabilityZone() + "; it is in " + String.join(", ", zones));
        }
        return pass("offering", "Type offered", "in " + String.join(", ", zones));
    }

    PreflightCheck vcpuQuota() {
        TypeFacts type = null;
        Boolean efa = null;
        try {
            List<InstanceTypeInfo> info = ec2().describeInstanceTypes(r -> r.instanceTypesWithStrings(spec.instanceType())).instanceTypes();
            if (!info.isEmpty()) {
                type = typeFacts(info.get(0));
                efa = info.get(0).networkInfo() != null && Boolean.TRUE.equals(info.get(0).networkInfo().efaSupported());
            }
        } catch (AwsServiceException e) {
            if (!code(e).startsWith("InvalidInstanceType")) {
                throw e;
            }
        } finally {
            facts.type.complete(type);
            facts.efaSupported.complete(efa);
        }
        if (type == null) {
            return fail("vcpu-quota", "Unknown instance type", "instanceType: " + spec.instanceType() + " is not an instance type AWS knows");
        }
        String family = spec.instanceType().substring(0, spec.instanceType().indexOf('.'));
        String[] quota = QuotaCodes.forFamily(family, spec.market()).orElseThrow();
        double limit = aws.serviceQuotas(spec.region()).getServiceQuota(r -> r.serviceCode("ec2").quotaCode(quota[0])).quota().value();
        int used = vcpusInUse(family);
        int nodes = CapacityChecks.instances(spec);
        int needed = type.vcpus() * nodes;
        String detail = quota[1] + " (" + quota[0] + "): " + needed + " vCPUs needed" + (spec.cluster() == null ? ""
                : " (" + nodes + " nodes × " + type.vcpus() + ")") + ", " + (int) limit + " allowed, " + used + " in use";
        if (used + needed > limit) {
            return fail("vcpu-quota", "vCPU quota too low", detail + ". Fix: request an increase in Service Quotas, or stop other instances of that kind");
        }
        return pass("vcpu-quota", "vCPU quota", detail);
    }

    /**
     * What DescribeInstanceTypes says of a type's accelerator: GPUs (NVIDIA, AMD, Habana Gaudi), Neuron devices
     * (Trainium, Inferentia), or inference accelerators (Qualcomm). A maker Hangar does not know falls back to the family.
     */
    private TypeFacts typeFacts(InstanceTypeInfo t) {
        int vcpus = t.vCpuInfo().defaultVCpus();
        List<String> arch = t.processorInfo().supportedArchitecturesAsStrings();
        Accelerator byFamily = Accelerator.ofInstanceType(spec.instanceType());
        if (t.gpuInfo() != null && !t.gpuInfo().gpus().isEmpty()) {
            var gpu = t.gpuInfo().gpus().get(0);
            int count = t.gpuInfo().gpus().stream().mapToInt(g -> g.count() == null ? 0 : g.count()).sum();
            return new TypeFacts(vcpus, arch, Accelerator.ofManufacturer(gpu.manufacturer()).orElse(byFamily),
                    Accelerator.devices(count, gpu.manufacturer(), gpu.name()));
        }
        if (t.neuronInfo() != null && !t.neuronInfo().neuronDevices().isEmpty()) {
            var device = t.neuronInfo().neuronDevices().get(0);
            return new TypeFacts(vcpus, arch, Accelerator.NEURON, Accelerator.devices(device.count() == null ? 0 : device.count(), "AWS",
                    device.name()));
        }
        if (t.inferenceAcceleratorInfo() != null && !t.inferenceAcceleratorInfo().accelerators().isEmpty()) {
            var device = t.inferenceAcceleratorInfo().accelerators().get(0);
            return new TypeFacts(vcpus, arch, Accelerator.ofManufacturer(device.manufacturer()).orElse(byFamily),
                    Accelerator.devices(device.count() == null ? 0 : device.count(), device.manufacturer(), device.name()));
        }
        return new TypeFacts(vcpus, arch, byFamily, null);
    }

    /** vCPUs of this account's running instances that count against the same quota. */
    private int vcpusInUse(String family) {
        List<software.amazon.awssdk.services.ec2.model.Instance> running = ec2().describeInstancesPaginator(r -> r.filters(
                        filter("instance-state-name", "pending", "running")))
                .reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> QuotaCodes.sameQuota(family(i.instanceTypeAsString()), family, spec.market()))
                .toList();
        return running.stream().mapToInt(i -> i.cpuOptions() == null || i.cpuOptions().coreCount() == null ? 0
                : i.cpuOptions().coreCount() * (i.cpuOptions().threadsPerCore() == null ? 1 : i.cpuOptions().threadsPerCore())).sum();
    }

    PreflightCheck bucket() {
        var s3 = aws.s3(spec.region());
        String bucket = spec.dataBucket();
        String owner = spec.dataBucketOwner() != null ? spec.dataBucketOwner() : facts.accountId;
        try {
            s3.headBucket(r -> r.bucket(bucket).expectedBucketOwner(owner));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return fail("bucket", "Data bucket not found", "dataBucket: bucket " + bucket + " does not exist");
            }
            if (e.statusCode() == 403) {
                return fail("bucket", "Data bucket not yours to read", "dataBucket: s3://" + bucket + " is not a bucket of account "
                        + (owner == null ? "yours" : owner) + " that you may read; for a bucket shared by another account set dataBucketOwner");
            }
            throw e;
        }
        facts.bucketBlocksPublicAccess = BucketPosture.blocksPublicAccess(s3, bucket);
        facts.bucketIsPublic = BucketPosture.isPublic(s3, bucket, facts.bucketBlocksPublicAccess);
        facts.bucketRequiresTls = BucketPosture.requiresTls(s3, bucket);
        facts.bucketHasDefaultEncryption = BucketPosture.hasDefaultEncryption(s3, bucket);
        return pass("bucket", "Data bucket exists", "s3://" + bucket);
    }

    PreflightCheck connectPermissions() {
        return ConnectPermissions.check(aws, spec, facts.callerArn, facts.accountId);
    }

    /** The boundary must exist, or CreateRole fails after other resources were made. */
    PreflightCheck permissionsBoundary() {
        String arn = spec.permissionsBoundaryArn();
        try {
            aws.iam().getPolicy(r -> r.policyArn(arn));
            return pass("permissions-boundary", "Permissions boundary", arn + " exists; the role is created under it");
        } catch (AwsServiceException e) {
            if (!"NoSuchEntity".equals(code(e))) {
                throw e;
            }
            return fail("permissions-boundary", "Permissions boundary not found", "permissionsBoundaryArn: policy " + arn + " does not exist");
        }
    }

    PreflightCheck keyPair() {
        if (spec.access() != Access.SSH && spec.keyPair() == null) {
            return pass("key-pair", "Key pair", "none needed: access through Session Manager");
        }
        boolean exists;
        try {
            exists = !ec2().describeKeyPairs(r -> r.keyNames(spec.keyPair())).keyPairs().isEmpty();
        } catch (AwsServiceException e) {
            if (!"InvalidKeyPair.NotFound".equals(code(e))) {
                throw e;
            }
            exists = false;
        }
        if (spec.createKeyPair()) {
            return exists ? fail("key-pair", "Key pair name taken", "keyPair: " + spec.keyPair() + " already exists; choose another name")
                    : pass("key-pair", "Key pair name free", spec.keyPair() + " will be created");
        }
        return exists ? pass("key-pair", "Key pair exists", spec.keyPair())
                : fail("key-pair", "Key pair not found", "keyPair: " + spec.keyPair() + " does not exist in " + spec.region());
    }

    /** Whether the subnet routes to an internet gateway (public) — the instance's way to SSM and S3 depends on it. */
    PreflightCheck network() {
        if (spec.usesHangarNetwork()) {
            return hangarNetwork();
        }
        String subnetId = spec.subnetId();
        String vpcId;
        if (subnetId == null) {
            var vpcs = ec2().describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs();
            if (vpcs.isEmpty()) {
                return fail("network", "No default VPC", "subnetId: " + spec.region() + " has no default VPC; set subnetId");
            }
            vpcId = vpcs.get(0).vpcId();
            facts.subnetInDefaultVpc = true;
        } else {
            var subnets = ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets();
            vpcId = subnets.get(0).vpcId();
            facts.subnetInDefaultVpc = ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).isDefault();
        }
        List<RouteTable> tables = subnetId == null ? List.of()
                : ec2().describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId))).routeTables();
        if (tables.isEmpty()) {
            tables = ec2().describeRouteTables(r -> r.filters(filter("vpc-id", vpcId), filter("association.main", "true"))).routeTables();
        }
        boolean toInternet = tables.stream().flatMap(t -> t.routes().stream())
                .anyMatch(route -> route.gatewayId() != null && route.gatewayId().startsWith("igw-"));
        boolean toNat = tables.stream().flatMap(t -> t.routes().stream()).anyMatch(route -> route.natGatewayId() != null);
        facts.subnetIsPublic = toInternet;
        facts.subnetHasNatOrEndpoints = toNat || hasSsmEndpoints(vpcId);
        facts.subnetRoutesToNat = toNat;
        return pass("network", "Network", (subnetId == null ? "default VPC " + vpcId : "subnet " + subnetId)
                + (toInternet ? ", routes to the internet" : ", private (no internet gateway route)"));
    }

    /**
     * Hangar's own network needs no default VPC: it is found by its tag or made by the launch. The subnet facts stay
     * unknown: the checklist judges this network from the blueprint, which says what the launch builds.
     */
    private PreflightCheck hangarNetwork() {
        var vpcs = ec2().describeVpcs(r -> r.filters(filter("tag:" + NetworkModel.TAG, spec.region()))).vpcs();
        String mode = spec.network().wireName();
        return pass("network", "Network", vpcs.isEmpty()
                ? "Hangar's network in " + spec.region() + " does not exist yet: this launch creates it (" + mode + ", VPC "
                        + NetworkModel.VPC_CIDR + ")"
                : "Hangar's network in " + spec.region() + " (" + vpcs.get(0).vpcId() + ") is reused: " + mode
                        + "; the launch adds only what it still lacks for this mode and zone");
    }

    /** Interface endpoints for Session Manager let an instance without a public IP or NAT reach SSM. */
    private boolean hasSsmEndpoints(String vpcId) {
        Set<String> services = ec2().describeVpcEndpoints(r -> r.filters(filter("vpc-id", vpcId))).vpcEndpoints().stream()
                .map(e -> e.serviceName().substring(e.serviceName().lastIndexOf('.') + 1)).collect(Collectors.toSet());
        return services.containsAll(List.of("ssm", "ssmmessages", "ec2messages"));
    }

    PreflightCheck ebsDefaultEncryption() {
        boolean on = ec2().getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault();
        facts.ebsEncryptionByDefault = on;
        return new PreflightCheck("ebs-default-encryption", "EBS encryption by default", on ? Status.PASS : Status.WARN,
                on ? "on for this account and region" : "off: Hangar encrypts its volumes anyway; turning it on protects volumes made elsewhere");
    }

    private static PreflightCheck pass(String id, String title, String detail) {
        return new PreflightCheck(id, title, Status.PASS, detail);
    }

    private static PreflightCheck fail(String id, String title, String detail) {
        return new PreflightCheck(id, title, Status.FAIL, detail);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static String family(String type) {
        return type.substring(0, type.indexOf('.')).toLowerCase(Locale.ROOT);
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    private static Instant parse(String date) {
        try {
            return date == null ? null : Instant.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
