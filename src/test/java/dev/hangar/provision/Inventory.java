package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Everything in the (emulated) account that carries one launch's {@code hangar:launch-id} tag, read
 * without any of the engine's code, so that tests judge the engine by what AWS holds, not by what
 * the engine thinks it did. IAM and CloudWatch have no tag filter: every role and profile named
 * {@code hangar-*}, every alarm and every {@code /hangar/*} log group is read with its tags; code archives are the
 * keys under {@code hangar/<launch id>/} in any bucket.
 */
public record Inventory(String launchId, List<Instance> instances, List<Volume> volumes, List<SecurityGroup> securityGroups,
        List<KeyPairInfo> keyPairs, List<Role> roles, List<InstanceProfile> profiles, List<MetricAlarm> alarms,
        List<String> sessionDocuments, List<LogGroup> logGroups, List<String> codeArchives) {

    public static Inventory of(AwsClients aws, String region, String launchId) {
        Ec2Client ec2 = aws.ec2(region);
        Filter tag = Filter.builder().name("tag:" + LaunchTags.LAUNCH_ID).values(launchId).build();
        List<Instance> instances = ec2.describeInstances(r -> r.filters(tag)).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList();
        List<Volume> volumes = ec2.describeVolumes(r -> r.filters(tag)).volumes();
        List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(tag)).securityGroups();
        List<KeyPairInfo> keyPairs = ec2.describeKeyPairs(r -> r.filters(tag)).keyPairs();

        IamClient iam = aws.iam();
        List<Role> roles = new ArrayList<>();
        for (Role role : iam.listRolesPaginator().roles()) {
            if (role.roleName().startsWith("hangar-")) {
                try {
                    if (ours(iam.listRoleTags(r -> r.roleName(role.roleName())).tags().stream()
                            .collect(Collectors.toMap(t -> t.key(), t -> t.value())), launchId)) {
                        roles.add(role);
                    }
                } catch (NoSuchEntityException gone) {
                    // deleted between the list and the read
                }
            }
        }
        List<InstanceProfile> profiles = new ArrayList<>();
        for (InstanceProfile listed : iam.listInstanceProfilesPaginator().instanceProfiles()) {
            if (listed.instanceProfileName().startsWith("hangar-")) {
                try {
                    InstanceProfile p = iam.getInstanceProfile(r -> r.instanceProfileName(listed.instanceProfileName())).instanceProfile();
                    if (ours(p.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())), launchId)) {
                        profiles.add(p);
                    }
                } catch (NoSuchEntityException gone) {
                    // deleted between the list and the read
                }
            }
        }
        CloudWatchClient cw = aws.cloudWatch(region);
        List<MetricAlarm> alarms = new ArrayList<>();
        for (MetricAlarm alarm : cw.describeAlarmsPaginator(r -> { }).metricAlarms()) {
            if (ours(cw.listTagsForResource(r -> r.resourceARN(alarm.alarmArn())).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value())), launchId)) {
                alarms.add(alarm);
            }
        }
        // Session documents: the account's own of type Session, each with its tags.
        List<String> documents = aws.ssm(region).listDocumentsPaginator(r -> r.filters(
                        f -> f.key("Owner").values("Self"), f -> f.key("DocumentType").values("Session"))).documentIdentifiers().stream()
                .filter(d -> ours(d.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())), launchId))
                .map(d -> d.name()).toList();
        // A run's log groups (/hangar/<launch id>) by their tags, and its code archives: any bucket's hangar/<launch id>/ keys.
        CloudWatchLogsClient logs = aws.logs(region);
        List<LogGroup> logGroups = logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/hangar/")).logGroups().stream()
                .filter(g -> ours(logs.listTagsForResource(r -> r.resourceArn(g.logGroupArn())).tags(), launchId)).toList();
        S3Client s3 = aws.s3(region);
        List<String> archives = new ArrayList<>();
        for (var bucket : s3.listBuckets().buckets()) {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents().stream()
                    .filter(o -> o.key().contains("hangar/" + launchId + "/"))
                    .forEach(o -> archives.add("s3://" + bucket.name() + "/" + o.key()));
        }
        return new Inventory(launchId, instances, volumes, groups, keyPairs, roles, profiles, alarms, documents, logGroups, archives);
    }

    private static boolean ours(Map<String, String> tags, String launchId) {
        return launchId.equals(tags.get(LaunchTags.LAUNCH_ID));
    }

    public List<Instance> liveInstances() {
        return instances.stream().filter(i -> !"terminated".equals(i.state().nameAsString())).toList();
    }

    public List<Volume> dataVolumes() {
        return volumes.stream().filter(v -> v.tags().stream()
                .anyMatch(t -> t.key().equals(LaunchTags.ROLE) && t.value().equals(LaunchTags.DATA_VOLUME_ROLE))).toList();
    }

    /** What costs money or grants access, one line each; empty when nothing of the launch is left. */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>();
        liveInstances().forEach(i -> left.add("instance " + i.instanceId() + " (" + i.state().nameAsString() + ")"));
        volumes.forEach(v -> left.add("volume " + v.volumeId() + " (" + v.stateAsString() + ")"));
        securityGroups.forEach(g -> left.add("security group " + g.groupId()));
        keyPairs.forEach(k -> left.add("key pair " + k.keyName()));
        roles.forEach(r -> left.add("role " + r.roleName()));
        profiles.forEach(p -> left.add("instance profile " + p.instanceProfileName()));
        alarms.forEach(a -> left.add("alarm " + a.alarmName()));
        sessionDocuments.forEach(d -> left.add("session document " + d));
        logGroups.forEach(g -> left.add("log group " + g.logGroupName()));
        codeArchives.forEach(a -> left.add("code archive " + a));
        return left;
    }

    /**
     * Where a completed launch holds anything but exactly one of each thing it makes: one instance (ever
     * started, terminated ones counted too), its root and one data volume, one group, one role, one profile
     * holding only that role, one alarm, and one key pair when it creates one.
     */
    public List<String> duplicatesOrGaps(boolean withKeyPair, boolean withAlarm) {
        List<String> wrong = new ArrayList<>();
        expect(wrong, "instances (any state)", instances.size(), 1);
        expect(wrong, "running instances", instances.stream().filter(i -> "running".equals(i.state().nameAsString())).count(), 1);
        expect(wrong, "volumes (root + data)", volumes.size(), 2);
        expect(wrong, "data volumes", dataVolumes().size(), 1);
        expect(wrong, "security groups", securityGroups.size(), 1);
        expect(wrong, "key pairs", keyPairs.size(), withKeyPair ? 1 : 0);
        expect(wrong, "roles", roles.size(), 1);
        expect(wrong, "instance profiles", profiles.size(), 1);
        if (profiles.size() == 1) {
            expect(wrong, "roles in the instance profile", profiles.get(0).roles().size(), 1);
        }
        // Two idle alarms: CPU and the busiest GPU, and CPU alone while the GPUs report nothing (issue 15).
        expect(wrong, "alarms", alarms.size(), withAlarm ? 2 : 0);
        return wrong;
    }

    /** Where a completed launch with a run holds anything but one log group kept 30 days and, for local code, one archive. */
    public List<String> runDuplicatesOrGaps(boolean withCodeArchive) {
        List<String> wrong = new ArrayList<>();
        expect(wrong, "log groups", logGroups.size(), 1);
        if (logGroups.size() == 1) {
            expect(wrong, "log retention days", logGroups.get(0).retentionInDays() == null ? 0 : logGroups.get(0).retentionInDays(), 30);
        }
        expect(wrong, "code archives", codeArchives.size(), withCodeArchive ? 1 : 0);
        return wrong;
    }

    private static void expect(List<String> wrong, String what, long actual, long expected) {
        if (actual != expected) {
            wrong.add(what + ": " + actual + " (expected " + expected + ")");
        }
    }
}
