package dev.hangar.blueprint;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.spec.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every value of the stack a launch creates, resolved once from a reviewed spec: names, tags, policies and
 * security settings. Each export format only writes these values in its own syntax, so the formats cannot
 * drift apart from one another; the values come from the helpers the engine itself uses.
 *
 * @param launchIdDerived true when no launch ID was given and one was derived from the spec
 * @param tags            the tags of every resource, in a fixed order: the spec's, then Hangar's own
 * @param keyPair         null when the instance gets no key pair
 * @param idleAlarm       CPU and the busiest GPU; null when idle stop is off
 * @param noGpuDataAlarm  CPU alone while the GPUs report nothing, over a longer window; null when idle stop is off
 * @param session         the preferences of Session Manager shells; null when access is ssh
 * @param network         Hangar's shared network in the region; null for network=public or an existing subnetId
 * @param run             the training run started on the instance; null when the spec has none
 * @param cluster         the ParallelCluster cluster of a spec with {@code cluster}, resolved without asking the account
 *                        until {@link #withClusterFacts} gives what it said; null without {@code cluster}
 */
public record Blueprint(LaunchSpec spec, String launchId, boolean launchIdDerived, String region, String partition,
                         Map<String, String> tags, IamModel iam, SecurityGroupModel securityGroup, KeyPairModel keyPair,
                         InstanceModel instance, DataVolumeModel dataVolume, IdleAlarmModel idleAlarm, IdleAlarmModel noGpuDataAlarm,
                         SessionModel session, NetworkModel network, RunModel run, ClusterModel cluster) {

    /** Leaves room for "hangar-" in IAM names, which may have 64 characters. */
    private static final Pattern LAUNCH_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,56}");

    public Blueprint {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    /** With a launch ID derived from the spec; see {@link #derivedLaunchId}. */
    public static Blueprint of(LaunchSpec spec) {
        return of(spec, null);
    }

    /** An export's or a plan's blueprint: who will create it is not known. */
    public static Blueprint of(LaunchSpec spec, String launchId) {
        return forLaunch(spec, launchId, null);
    }

    /** @param rootDeviceName the image's root device name, e.g. /dev/sda1, when known (CloudFormation asks for it otherwise) */
    public static Blueprint of(LaunchSpec spec, String launchId, String rootDeviceName) {
        new SpecValidator().requireValid(spec);
        return resolve(spec, launchId, null, rootDeviceName);
    }

    /**
     * @param launchId  the launch's ID (e.g. from the journal), or null to derive one from the spec
     * @param createdBy the caller's ARN, tagged on every resource as {@link LaunchTags#CREATED_BY}; null when not known
     * @throws dev.hangar.spec.InvalidSpecException if the spec is not valid
     * @throws IllegalArgumentException if the launch ID cannot be part of an IAM name
     */
    public static Blueprint forLaunch(LaunchSpec spec, String launchId, String createdBy) {
        new SpecValidator().requireValid(spec);
        return resolve(spec, launchId, createdBy, null);
    }

    /**
     * The blueprint of a spec still being filled in (the wizard's checklist): not validated, with a placeholder
     * launch ID. Parts the spec does not yet say are null or hold "null"; a rule that needs them says it could not check.
     */
    public static Blueprint draft(LaunchSpec spec) {
        String id = spec.name() != null && LAUNCH_ID.matcher(spec.name() + "-000000").matches() ? spec.name() + "-000000" : "draft-000000";
        return resolve(spec, id, null, null);
    }

    /** The blueprint of a launch the journal records: its spec was validated when it was launched. */
    public static Blueprint launched(LaunchSpec spec, String launchId, String createdBy) {
        return resolve(spec, launchId, createdBy, null);
    }

    /** The account that must own the data bucket: the spec's dataBucketOwner, else the launching caller's; null when unknown. */
    public String dataBucketAccount() {
        return bucketAccount(spec, tags.get(LaunchTags.CREATED_BY));
    }

    /** The idle-stop alarms, in the order created; empty when idle stop is off. */
    public java.util.List<IdleAlarmModel> idleAlarms() {
        return idleAlarm == null ? java.util.List.of() : java.util.List.of(idleAlarm, noGpuDataAlarm);
    }

    public LaunchNames names() {
        return new LaunchNames(launchId);
    }

    private static Blueprint resolve(LaunchSpec spec, String launchId, String createdBy, String rootDeviceName) {
        boolean derived = launchId == null;
        String id = derived ? derivedLaunchId(spec) : launchId;
        if (!LAUNCH_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("launch ID " + id + " must be lowercase letters, digits and '-', at most 57 characters");
        }
        LaunchNames names = new LaunchNames(id);
        Map<String, String> tags = LaunchTags.of(id, spec, createdBy);
        RunModel run = RunModel.of(spec, names);
        return new Blueprint(spec, id, derived, spec.region(), IamPolicies.partition(spec.region()), tags,
                IamModel.of(spec, names, bucketAccount(spec, createdBy)), SecurityGroupModel.of(spec, names), KeyPairModel.of(spec),
                InstanceModel.of(spec, rootDeviceName, run), DataVolumeModel.of(spec, tags), IdleAlarmModel.gpuAware(spec, names),
                IdleAlarmModel.noGpuData(spec, names), SessionModel.of(spec, names, tags),
                NetworkModel.of(spec, createdBy), run, ClusterModel.of(spec, names, tags, ClusterFacts.UNKNOWN));
    }

    /** The same stack with the cluster resolved from what the account said (EFA support, the image, the reservation, the subnet). */
    public Blueprint withClusterFacts(ClusterFacts facts) {
        return new Blueprint(spec, launchId, launchIdDerived, region, partition, tags, iam, securityGroup, keyPair, instance,
                dataVolume, idleAlarm, noGpuDataAlarm, session, network, run, ClusterModel.of(spec, names(), tags, facts));
    }

    /** The data bucket's account: the spec's dataBucketOwner, else the launching caller's (from its ARN). */
    static String bucketAccount(LaunchSpec spec, String createdBy) {
        if (spec.dataBucketOwner() != null) {
            return spec.dataBucketOwner();
        }
        String[] arn = createdBy == null ? new String[0] : createdBy.split(":");
        return arn.length > 4 && arn[4].matches("\\d{12}") ? arn[4] : null;
    }

    /**
     * {@code <name>-<6 hex>} like a real launch ID, from a hash of the spec: the same spec exports the same
     * names every time, so re-running an export does not rename (and so replace) resources.
     */
    public static String derivedLaunchId(LaunchSpec spec) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(LaunchSpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
            return spec.name() + "-" + HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
