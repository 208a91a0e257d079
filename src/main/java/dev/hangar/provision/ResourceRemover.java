package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.aws.AwsClients;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * Removes one resource the journal names, whatever state it is in: already gone is fine, only
 * "intended" (the call's answer was never seen) is looked up by the launch's tag. Used by rollback and destroy.
 */
public final class ResourceRemover {

    private static final String CLIENT_TOKEN = "client-token:";

    private final AwsClients aws;
    private final String region;
    private final String launchId;
    private final Waits waits;

    public ResourceRemover(AwsClients aws, String region, String launchId, Waits waits) {
        this.aws = aws;
        this.region = region;
        this.launchId = launchId;
        this.waits = waits;
    }

    Waits waits() {
        return waits;
    }

    public void remove(ResourceRecord r) throws Exception {
        String[] parts = r.id().split("\\|");
        switch (r.type()) {
            case ResourceKind.VOLUME_ATTACHMENT -> detach(parts[0], parts[1]);
            case ResourceKind.VOLUME -> deleteVolume(r.id());
            case ResourceKind.ALARM -> aws.cloudWatch(region).deleteAlarms(d -> d.alarmNames(r.id()));
            case ResourceKind.SESSION_DOCUMENT -> deleteSessionDocument(r.id());
            case ResourceKind.LOG_GROUP -> deleteLogGroup(r.id());
            case ResourceKind.CODE_ARCHIVE -> new CodeUpload(aws.s3(region), launchId, null).remove(parts[0], parts[1]);
            case ResourceKind.INSTANCE -> terminate(r.id());
            case ResourceKind.KEY_FILE -> Files.deleteIfExists(Path.of(r.id()));
            case ResourceKind.KEY_PAIR -> ec2().deleteKeyPair(d -> d.keyName(r.id()));
            case ResourceKind.SECURITY_GROUP -> deleteSecurityGroup(r.id());
            case ResourceKind.PROFILE_ROLE -> removeRoleFromProfile(parts[0], parts[1]);
            case ResourceKind.INSTANCE_PROFILE -> deleteInstanceProfile(r.id());
            case ResourceKind.IAM_POLICY_ATTACHMENT -> ignoringMissing(() -> iam().detachRolePolicy(d -> d.roleName(parts[0]).policyArn(parts[1])));
            case ResourceKind.IAM_INLINE_POLICY -> ignoringMissing(() -> iam().deleteRolePolicy(d -> d.roleName(parts[0]).policyName(parts[1])));
            case ResourceKind.IAM_ROLE -> deleteRole(r.id());
            case ResourceKind.NETWORK_ENDPOINT, ResourceKind.NETWORK_NAT_GATEWAY, ResourceKind.NETWORK_ELASTIC_IP,
                    ResourceKind.NETWORK_INTERNET_GATEWAY, ResourceKind.NETWORK_ROUTE_TABLE, ResourceKind.NETWORK_SUBNET,
                    ResourceKind.NETWORK_SECURITY_GROUP, ResourceKind.NETWORK_VPC -> new NetworkPartRemover(ec2(), region, waits).remove(r.type(), r.id());
            default -> throw new IllegalArgumentException("unknown resource kind " + r.type());
        }
    }

    /** Gone already is fine; a document of that name another launch tagged is not this launch's to delete. */
    private void deleteSessionDocument(String name) {
        SsmClient ssm = aws.ssm(region);
        try {
            boolean ours = ssm.listTagsForResource(t -> t.resourceType(ResourceTypeForTagging.DOCUMENT).resourceId(name)).tagList().stream()
                    .anyMatch(t -> t.key().equals(LaunchTags.LAUNCH_ID) && t.value().equals(launchId));
            if (ours) {
                ssm.deleteDocument(d -> d.name(name));
            }
        } catch (InvalidDocumentException | InvalidResourceIdException e) {
            // already gone
        }
    }

    /** Gone already is fine; a group of that name another launch tagged is not this launch's to delete. */
    private void deleteLogGroup(String name) {
        CloudWatchLogsClient logs = aws.logs(region);
        if (launchId.equals(LogGroups.tags(logs, name).get(LaunchTags.LAUNCH_ID))) {
            try {
                logs.deleteLogGroup(d -> d.logGroupName(name));
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
                // removed since it was read
            }
        }
    }

    /** Makes an attached volume outlive its instance; nothing to do when the instance is gone. */
    public void keepOnTermination(String instanceId, String device, String volumeId) {
        if (instances(instanceId).stream().noneMatch(ResourceRemover::notYetTerminating)) {
            return;
        }
        ec2().modifyInstanceAttribute(m -> m.instanceId(instanceId).blockDeviceMappings(b -> b.deviceName(device)
                .ebs(e -> e.volumeId(volumeId).deleteOnTermination(false))));
    }

    /** Stops the instance and waits until it has stopped, so its file systems are unmounted; gone or stopped is fine. */
    public void stopInstance(String instanceId) throws Exception {
        List<Instance> found = instances(instanceId);
        if (found.isEmpty() || !notYetTerminating(found.get(0)) || found.get(0).state().name() == InstanceStateName.STOPPED) {
            return;
        }
        AwsErrors.ignoring(List.of("IncorrectInstanceState"), () -> ec2().stopInstances(s -> s.instanceIds(instanceId)));
        waits.until("instance " + instanceId + " to stop", waits.pacing().cleanupTimeout(), () -> {
            List<Instance> now = instances(instanceId);
            return now.isEmpty() || now.get(0).state().name() == InstanceStateName.STOPPED || !notYetTerminating(now.get(0));
        }, s -> { });
    }

    /** Detaches a volume and waits until it is free; the volume itself stays. */
    public void detach(String volumeId, String instanceId) throws Exception {
        List<Volume> found = volumes(volumeId);
        if (found.isEmpty() || found.get(0).attachments().stream().noneMatch(a -> instanceId.equals(a.instanceId()))) {
            return;
        }
        AwsErrors.ignoring(List.of("IncorrectState", "InvalidAttachment.NotFound"), () -> ec2().detachVolume(d -> d.volumeId(volumeId).instanceId(instanceId)));
        waits.until("volume " + volumeId + " to detach", waits.pacing().cleanupTimeout(), () -> {
            List<Volume> v = volumes(volumeId);
            return v.isEmpty() || v.get(0).state() == VolumeState.AVAILABLE;
        }, s -> { });
    }

    private void deleteVolume(String id) throws Exception {
        List<String> ids = id.startsWith(CLIENT_TOKEN) ? taggedDataVolumes() : List.of(id);
        for (String volumeId : ids) {
            List<Volume> v = volumes(volumeId);
            if (v.isEmpty()) {
                continue;
            }
            for (var a : v.get(0).attachments()) {
                detach(volumeId, a.instanceId());
            }
            AwsErrors.ignoring(List.of("InvalidVolume.NotFound"), () -> ec2().deleteVolume(d -> d.volumeId(volumeId)));
        }
    }

    /**
     * Deletes unattached volumes tagged with this launch that are not in {@code keep}. AWS deletes a
     * root volume with its instance; emulators may leave it behind, so destroy checks what is really left.
     */
    public List<String> removeLeftoverVolumes(java.util.Set<String> keep) {
        List<String> left = ec2().describeVolumes(d -> d.filters(tag(LaunchTags.LAUNCH_ID, launchId),
                        Filter.builder().name("status").values("available").build()))
                .volumes().stream().map(Volume::volumeId).filter(v -> !keep.contains(v)).toList();
        left.forEach(v -> AwsErrors.ignoring(List.of("InvalidVolume.NotFound"), () -> ec2().deleteVolume(d -> d.volumeId(v))));
        return left;
    }

    private List<String> taggedDataVolumes() {
        return ec2().describeVolumes(d -> d.filters(tag(LaunchTags.LAUNCH_ID, launchId), tag(LaunchTags.ROLE, LaunchTags.DATA_VOLUME_ROLE)))
                .volumes().stream().map(Volume::volumeId).toList();
    }

    private void terminate(String id) throws Exception {
        List<String> ids = id.startsWith(CLIENT_TOKEN) ? liveTaggedInstances() : List.of(id);
        // One already terminated or going (an interrupted rollback or destroy got that far) needs no second call.
        List<Instance> live = ids.stream().flatMap(i -> instances(i).stream()).filter(ResourceRemover::notYetTerminating).toList();
        List<String> toTerminate = live.stream().map(Instance::instanceId).toList();
        // A persistent spot request would start a new instance for the one terminated: cancel it first.
        List<String> spotRequests = live.stream().map(Instance::spotInstanceRequestId).filter(r -> r != null).distinct().toList();
        if (!spotRequests.isEmpty()) {
            AwsErrors.ignoring(List.of("InvalidSpotInstanceRequestID.NotFound"),
                    () -> ec2().cancelSpotInstanceRequests(c -> c.spotInstanceRequestIds(spotRequests)));
        }
        if (!toTerminate.isEmpty()) {
            AwsErrors.ignoring(List.of("InvalidInstanceID.NotFound"), () -> ec2().terminateInstances(t -> t.instanceIds(toTerminate)));
        }
        for (String instanceId : ids) {
            waits.until("instance " + instanceId + " to terminate", waits.pacing().cleanupTimeout(), () -> {
                List<Instance> found = instances(instanceId);
                return found.isEmpty() || found.get(0).state().name() == InstanceStateName.TERMINATED;
            }, s -> { });
        }
    }

    private static boolean notYetTerminating(Instance i) {
        InstanceStateName state = i.state().name();
        return state != InstanceStateName.TERMINATED && state != InstanceStateName.SHUTTING_DOWN;
    }

    private List<String> liveTaggedInstances() {
        return ec2().describeInstances(d -> d.filters(tag(LaunchTags.LAUNCH_ID, launchId),
                        Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped").build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId).toList();
    }

    private void deleteSecurityGroup(String idOrName) throws Exception {
        List<String> ids = idOrName.startsWith("sg-") ? List.of(idOrName)
                : ec2().describeSecurityGroups(d -> d.filters(Filter.builder().name("group-name").values(idOrName).build(), tag(LaunchTags.LAUNCH_ID, launchId)))
                        .securityGroups().stream().map(g -> g.groupId()).toList();
        for (String groupId : ids) {
            // Still in use while the instance's network interface goes away: wait, don't give up.
            waits.until("security group " + groupId + " to be free", waits.pacing().cleanupTimeout(), () -> {
                try {
                    ec2().deleteSecurityGroup(d -> d.groupId(groupId));
                    return true;
                } catch (AwsServiceException e) {
                    if (AwsErrors.is(e, "InvalidGroup.NotFound")) {
                        return true;
                    }
                    if (AwsErrors.is(e, "DependencyViolation")) {
                        return false;
                    }
                    throw e;
                }
            }, s -> { });
        }
    }

    /**
     * Takes the role out of the profile if it is in it. The journal's record may be only an intention
     * (the call failed, or its answer was never seen), so look first rather than trust how a service
     * reports "not there" (AWS says NoSuchEntity; emulators differ).
     */
    private void removeRoleFromProfile(String profile, String role) {
        ignoringMissing(() -> {
            boolean holds = iam().getInstanceProfile(g -> g.instanceProfileName(profile)).instanceProfile().roles().stream()
                    .anyMatch(r -> r.roleName().equals(role));
            if (holds) {
                iam().removeRoleFromInstanceProfile(d -> d.instanceProfileName(profile).roleName(role));
            }
        });
    }

    private void deleteInstanceProfile(String name) {
        ignoringMissing(() -> {
            iam().getInstanceProfile(g -> g.instanceProfileName(name)).instanceProfile().roles()
                    .forEach(role -> iam().removeRoleFromInstanceProfile(d -> d.instanceProfileName(name).roleName(role.roleName())));
            iam().deleteInstanceProfile(d -> d.instanceProfileName(name));
        });
    }

    /** Clears whatever still hangs on the role (after a crash the journal may not know it all), then deletes it. */
    private void deleteRole(String role) {
        ignoringMissing(() -> {
            IamClient iam = iam();
            iam.listAttachedRolePolicies(l -> l.roleName(role)).attachedPolicies()
                    .forEach(p -> iam.detachRolePolicy(d -> d.roleName(role).policyArn(p.policyArn())));
            iam.listRolePolicies(l -> l.roleName(role)).policyNames()
                    .forEach(p -> iam.deleteRolePolicy(d -> d.roleName(role).policyName(p)));
            iam.listInstanceProfilesForRole(l -> l.roleName(role)).instanceProfiles()
                    .forEach(p -> iam.removeRoleFromInstanceProfile(d -> d.instanceProfileName(p.instanceProfileName()).roleName(role)));
            iam.deleteRole(d -> d.roleName(role));
        });
    }

    private List<Volume> volumes(String volumeId) {
        try {
            return ec2().describeVolumes(d -> d.volumeIds(volumeId)).volumes();
        } catch (AwsServiceException e) {
            if (AwsErrors.is(e, "InvalidVolume.NotFound")) {
                return List.of();
            }
            throw e;
        }
    }

    private List<Instance> instances(String instanceId) {
        try {
            return ec2().describeInstances(d -> d.instanceIds(instanceId)).reservations().stream().flatMap(r -> r.instances().stream()).toList();
        } catch (AwsServiceException e) {
            if (AwsErrors.is(e, "InvalidInstanceID.NotFound")) {
                return List.of();
            }
            throw e;
        }
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    private static void ignoringMissing(Runnable call) {
        AwsErrors.ignoring(List.of("NoSuchEntity"), call);
    }


    private Ec2Client ec2() {
        return aws.ec2(region);
    }

    private IamClient iam() {
        return aws.iam();
    }
}
