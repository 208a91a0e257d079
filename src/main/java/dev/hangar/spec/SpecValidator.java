package dev.hangar.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a launch spec before any AWS call: every rule names its field, and every problem is reported,
 * in field order. Stateless; works on half-built specs from the wizard (null fields are problems, not crashes).
 */
public final class SpecValidator {

    public static final int MAX_VOLUME_GIB = 16_384;
    public static final int MIN_IDLE_STOP_MINUTES = 5;
    public static final int MAX_IDLE_STOP_MINUTES = 10_080;

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]{1,512}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    private static final String REGION_FORM = "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}";
    private static final Pattern REGION = Pattern.compile(REGION_FORM);
    private static final Pattern ZONE = Pattern.compile(REGION_FORM + "[a-z]");
    private static final Pattern AMI = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    /** On-Demand Capacity Reservations and Capacity Blocks for ML share this form. */
    private static final Pattern CAPACITY_RESERVATION = Pattern.compile("cr-[0-9a-f]{17}");
    private static final Pattern SUBNET = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    /** No shell metacharacters: the name is printed in an ssh command and, with createKeyPair, is a file name. */
    private static final Pattern KEY_PAIR = Pattern.compile("[A-Za-z0-9._-]*");

    public List<SpecProblem> validate(LaunchSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<SpecProblem> out = new ArrayList<>();
        name(spec.name(), out);
        region(spec.region(), out);
        availabilityZone(spec.availabilityZone(), spec.region(), out);
        if (required("amiId", spec.amiId(), out) && !AMI.matcher(spec.amiId()).matches()) {
            out.add(new SpecProblem("amiId", "must be \"ami-\" followed by 8 or 17 lowercase hex digits, not "
                    + Show.quote(spec.amiId())));
        }
        instanceType(spec.instanceType(), out);
        keyPair(spec, out);
        if (required("dataBucket", spec.dataBucket(), out)) {
            BucketNameRules.check(spec.dataBucket()).forEach(m -> out.add(new SpecProblem("dataBucket", m)));
        }
        dataPrefix(spec.dataPrefix(), out);
        set("bucketAccess", spec.bucketAccess(), BucketAccess.class, out);
        volume("dataVolumeGiB", spec.dataVolumeGiB(), out);
        volume("rootVolumeGiB", spec.rootVolumeGiB(), out);
        set("tenancy", spec.tenancy(), Tenancy.class, out);
        set("access", spec.access(), Access.class, out);
        sshCidr(spec, out);
        if (spec.subnetId() != null && !SUBNET.matcher(spec.subnetId()).matches()) {
            out.add(new SpecProblem("subnetId", "must be \"subnet-\" followed by 8 or 17 lowercase hex digits, not "
                    + Show.quote(spec.subnetId())));
        }
        if (set("network", spec.network(), NetworkMode.class, out) && spec.associatePublicIp() && spec.usesHangarNetwork()) {
            out.add(new SpecProblem("associatePublicIp", "a " + spec.network() + " network gives no public IP; choose network \"public\" "
                    + "for the default VPC with a public IP"));
        }
        set("market", spec.market(), Market.class, out);
        idleStop(spec.idleStopMinutes(), out);
        TagRules.check(spec.tags(), out);
        set("egress", spec.egress(), Egress.class, out);
        if (spec.dataBucketOwner() != null && !ACCOUNT_ID.matcher(spec.dataBucketOwner()).matches()) {
            out.add(new SpecProblem("dataBucketOwner", "must be the bucket owner's 12-digit AWS account ID, not "
                    + Show.quote(spec.dataBucketOwner())));
        }
        if (spec.permissionsBoundaryArn() != null && !POLICY_ARN.matcher(spec.permissionsBoundaryArn()).matches()) {
            out.add(new SpecProblem("permissionsBoundaryArn", "must be an IAM policy ARN, e.g. "
                    + "arn:aws:iam::123456789012:policy/boundary, not " + Show.quote(spec.permissionsBoundaryArn())));
        }
        if (spec.capacityReservationId() != null && !CAPACITY_RESERVATION.matcher(spec.capacityReservationId()).matches()) {
            out.add(new SpecProblem("capacityReservationId", "must be \"cr-\" followed by 17 lowercase hex digits (a capacity"
                    + " reservation or Capacity Block ID), not " + Show.quote(spec.capacityReservationId())));
        } else if (spec.capacityReservationId() != null && spec.market() == Market.SPOT) {
            // A reservation is capacity already paid for at the On-Demand (or Capacity Block) price: spot cannot run in it.
            out.add(new SpecProblem("capacityReservationId", "a capacity reservation cannot be used with market \"spot\"; set market"
                    + " to \"on-demand\" to launch into " + spec.capacityReservationId() + ", or remove capacityReservationId"));
        }
        RunRules.check(spec, out);
        ClusterRules.check(spec.cluster(), INSTANCE_TYPE, out);
        return List.copyOf(out);
    }

    /** @throws InvalidSpecException with every problem, if there is any */
    public LaunchSpec requireValid(LaunchSpec spec) {
        List<SpecProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    private static boolean required(String field, String value, List<SpecProblem> out) {
        if (value == null) {
            out.add(new SpecProblem(field, "is required"));
        }
        return value != null;
    }

    /** @return whether the value is set */
    private static <E extends Enum<E> & WireEnum> boolean set(String field, E value, Class<E> type,
                                                              List<SpecProblem> out) {
        if (value == null) {
            out.add(new SpecProblem(field, "is required (one of " + WireEnum.allowed(type) + ")"));
        }
        return value != null;
    }

    private static void name(String name, List<SpecProblem> out) {
        if (!required("name", name, out)) {
            return;
        }
        if (name.isEmpty() || name.length() > 40) {
            out.add(new SpecProblem("name", "must be 1 to 40 characters long (got " + name.length() + ")"));
        } else if (!NAME.matcher(name).matches()) {
            out.add(new SpecProblem("name", "may contain only lowercase letters, digits and '-', not "
                    + Show.quote(name)));
        } else if (name.startsWith("-") || name.endsWith("-")) {
            out.add(new SpecProblem("name", "must not start or end with '-'"));
        }
    }

    private static void region(String region, List<SpecProblem> out) {
        if (required("region", region, out) && !REGION.matcher(region).matches()) {
            out.add(new SpecProblem("region", Show.quote(region) + " is not a region code like us-east-1"));
        } else if (region != null) {
            otherPartition(region).ifPresent(partition -> out.add(new SpecProblem("region", region + " is in the " + partition
                    + " partition; Hangar supports only regions of the standard aws partition (it calls IAM on that partition's"
                    + " global endpoint)")));
        }
    }

    /** The partition a region belongs to when it is not the standard one. */
    private static Optional<String> otherPartition(String region) {
        if (region.startsWith("us-gov-")) {
            return Optional.of("aws-us-gov (GovCloud)");
        }
        if (region.startsWith("cn-")) {
            return Optional.of("aws-cn (China)");
        }
        if (region.matches("[a-z]{2}-iso[a-z]?-.*")) {
            return Optional.of("aws-iso (isolated)");
        }
        return Optional.empty();
    }

    private static void availabilityZone(String zone, String region, List<SpecProblem> out) {
        if (zone == null) {
            return;
        }
        if (!ZONE.matcher(zone).matches()) {
            out.add(new SpecProblem("availabilityZone", Show.quote(zone)
                    + " is not a zone name like us-east-1a (zone IDs such as use1-az1 are not accepted)"));
        } else if (region != null && REGION.matcher(region).matches()
                && !zone.substring(0, zone.length() - 1).equals(region)) {
            out.add(new SpecProblem("availabilityZone", zone + " is not in the spec's region " + region
                    + "; it must start with " + region));
        }
    }

    private static void instanceType(String type, List<SpecProblem> out) {
        if (required("instanceType", type, out) && (type.length() > 32 || !INSTANCE_TYPE.matcher(type).matches())) {
            out.add(new SpecProblem("instanceType", Show.quote(type)
                    + " is not an instance type like g5.xlarge (family.size, lowercase, at most 32 characters)"));
        }
    }

    private static void keyPair(LaunchSpec spec, List<SpecProblem> out) {
        String keyPair = spec.keyPair();
        if (keyPair == null) {
            if (spec.createKeyPair()) {
                out.add(new SpecProblem("keyPair", "is required when createKeyPair=true (the new key pair's name)"));
            } else if (spec.access() == Access.SSH) {
                out.add(new SpecProblem("keyPair", "is required when access=ssh: name an existing key pair, "
                        + "or set createKeyPair=true and give the new key pair's name"));
            }
            return;
        }
        if (keyPair.isEmpty() || keyPair.length() > 255) {
            out.add(new SpecProblem("keyPair", "must be 1 to 255 characters long (got " + keyPair.length()
                    + "); use null for no key pair"));
        }
        if (!KEY_PAIR.matcher(keyPair).matches()) {
            out.add(new SpecProblem("keyPair", "may contain only letters, digits, '.', '_' and '-' (the name appears in the printed"
                    + " ssh command and, with createKeyPair=true, is the private key's file name keys/<name>.pem), not "
                    + Show.quote(keyPair)));
        }
    }

    private static void dataPrefix(String prefix, List<SpecProblem> out) {
        if (prefix.startsWith("/")) {
            out.add(new SpecProblem("dataPrefix", "must not start with '/' (S3 keys are relative to the bucket)"));
        }
        int bytes = prefix.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 1024) {
            out.add(new SpecProblem("dataPrefix", "must be at most 1024 bytes in UTF-8 (got " + bytes + ")"));
        }
        if (prefix.codePoints().anyMatch(Character::isISOControl)) {
            out.add(new SpecProblem("dataPrefix", "must not contain control characters"));
        }
        // The prefix lands in the instance role's IAM policy, where these would widen the grant.
        if (prefix.contains("*") || prefix.contains("?") || prefix.contains("${")) {
            out.add(new SpecProblem("dataPrefix",
                    "must not contain '*', '?' or '${' (they would act as wildcards in the IAM policy)"));
        }
    }

    private static void volume(String field, int gib, List<SpecProblem> out) {
        if (gib < 1 || gib > MAX_VOLUME_GIB) {
            out.add(new SpecProblem(field, "must be from 1 to " + MAX_VOLUME_GIB + " GiB (gp3 limits), not " + gib));
        }
    }

    private static void sshCidr(LaunchSpec spec, List<SpecProblem> out) {
        String cidr = spec.sshCidr();
        if (spec.access() != Access.SSH) {
            if (cidr != null && spec.access() != null) {
                out.add(new SpecProblem("sshCidr", "is only used with access=ssh; set it to null, or use access=ssh"));
            }
            return;
        }
        if (cidr == null) {
            out.add(new SpecProblem("sshCidr", "is required when access=ssh: the address allowed in, "
                    + "e.g. your own IP as 203.0.113.7/32"));
            return;
        }
        SshCidrRules.check(cidr, spec.allowSshFromAnywhere()).forEach(m -> out.add(new SpecProblem("sshCidr", m)));
    }

    private static void idleStop(int minutes, List<SpecProblem> out) {
        if (minutes != 0 && (minutes < MIN_IDLE_STOP_MINUTES || minutes > MAX_IDLE_STOP_MINUTES)) {
            out.add(new SpecProblem("idleStopMinutes", "must be 0 (0 turns it off) or from " + MIN_IDLE_STOP_MINUTES
                    + " to " + MAX_IDLE_STOP_MINUTES + " minutes, not " + minutes));
        }
    }
}
