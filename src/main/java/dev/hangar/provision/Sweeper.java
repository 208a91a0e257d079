package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.RunModel;
import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.ssm.model.DocumentIdentifier;
import software.amazon.awssdk.services.ssm.model.DocumentKeyValuesFilter;

/**
 * Finds what launches left behind: resources tagged {@code hangar:launch-id} whose launch is not in the
 * journal, or was rolled back or destroyed (completely or not). A launch the journal shows launched,
 * launching, or being removed right now is never touched, nor is a launch whose journal file is damaged,
 * nor a data volume that {@code destroy --keep-data-volume} kept on purpose. Of the rest, {@link SweepRules} keeps
 * back what is live or another caller's unless the {@link Scope} widens it.
 *
 * <p>EC2, CloudWatch alarms and CloudWatch Logs groups ({@code /hangar/*}) are searched per region; IAM, which is global and has no tag filter, once: every
 * role and instance profile named {@code hangar-*}, with its tags read. Hangar's shared network in a region (tagged
 * {@code hangar:network}, no launch id) is a leftover when nothing uses it: see {@link NetworkSweep}.
 */
public final class Sweeper {

    /** IAM's resources are global: they are reported in this "region". */
    public static final String GLOBAL = "global";

    /**
     * One leftover resource.
     *
     * @param kind      a {@link ResourceKind} name
     * @param launchId  the launch its tag names
     * @param why       why it may go: "not in the journal", "rolled back", "destroyed", …
     * @param detail    what else is worth knowing (its state, where it is attached), may be empty
     * @param createdBy its {@code hangar:created-by} tag, null when it has none
     * @param createdAt when AWS says it was made or launched, null where AWS does not say (groups, alarms)
     */
    public record Found(String region, String kind, String id, String launchId, String why, String detail, String createdBy,
                        Instant createdAt) {
    }

    /** A leftover sweep will not remove, and why (which option would widen it, where one would). */
    public record LeftAlone(Found found, String reason) {
    }

    /**
     * How far sweep reaches beyond the safe default.
     *
     * @param includeLive also instances that are not terminated, volumes that are attached, and the rest of their launch
     * @param anyCreator  also what another caller (or nobody known) created
     */
    public record Scope(boolean includeLive, boolean anyCreator) {
        public static final Scope SAFE = new Scope(false, false);
    }

    /**
     * What a search found.
     *
     * @param caller    the ARN sweep compared creators with
     * @param found     what may be removed
     * @param leftAlone leftovers kept back by the scope
     * @param warnings  what it would not judge (damaged journal files, launches in progress)
     */
    public record Findings(String caller, List<Found> found, List<LeftAlone> leftAlone, List<String> warnings) {
    }

    /** The order to remove kinds in: nothing goes while something still uses it. */
    private static final List<String> REMOVAL_ORDER = List.of(ResourceKind.ALARM, ResourceKind.LOG_GROUP, ResourceKind.SESSION_DOCUMENT, ResourceKind.INSTANCE, ResourceKind.VOLUME,
            ResourceKind.KEY_PAIR, ResourceKind.SECURITY_GROUP, ResourceKind.INSTANCE_PROFILE, ResourceKind.IAM_ROLE);

    private final AwsClients aws;
    private final JournalStore journal;
    private final Pacing pacing;

    public Sweeper(AwsClients aws, JournalStore journal, Pacing pacing) {
        this.aws = aws;
        this.journal = journal;
        this.pacing = pacing;
    }

    /** The regions the journal's launches ran in. */
    public Set<String> journalRegions() {
        return journal.list(new ArrayList<>()).stream().map(r -> r.spec().region()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Findings find(Collection<String> regions, Scope scope) {
        Set<String> where = new LinkedHashSet<>(regions);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("no region to search");
        }
        String caller = aws.sts(where.iterator().next()).getCallerIdentity().arn();
        List<String> warnings = new ArrayList<>();
        List<JournalCorruptException> corrupt = new ArrayList<>();
        Map<String, LaunchRecord> launches = new HashMap<>();
        journal.list(corrupt).forEach(r -> launches.put(r.launchId(), r));
        Set<String> damaged = new HashSet<>();
        for (JournalCorruptException e : corrupt) {
            String id = e.file().getFileName().toString().replaceFirst("\\.json$", "");
            damaged.add(id);
            warnings.add("the journal file of launch " + id + " cannot be used, so its resources are left alone: " + e.getMessage());
        }
        Judge judge = new Judge(launches, damaged, warnings);

        List<SweepRules.Candidate> found = new ArrayList<>();
        for (String region : where) {
            findEc2(region, judge, found);
            findAlarms(region, judge, found);
            findSessionDocuments(region, judge, found);
            findLogGroups(region, judge, found);
        }
        findIam(judge, found);
        SweepRules.Decision decision = SweepRules.decide(found, caller, scope);
        List<Found> removable = new ArrayList<>(decision.removable());
        List<LeftAlone> leftAlone = new ArrayList<>(decision.leftAlone());
        for (String region : where) {
            List<String> removedInstances = removable.stream().filter(f -> f.region().equals(region) && f.kind().equals(ResourceKind.INSTANCE))
                    .map(Found::id).toList();
            NetworkSweep.judge(NetworkInventory.find(aws, journal, region), caller, scope, removedInstances).ifPresent(d -> {
                removable.addAll(d.removable());
                leftAlone.addAll(d.leftAlone());
            });
        }
        return new Findings(caller, removable, leftAlone, warnings);
    }

    /**
     * Removes what {@link #find} found, kinds in a safe order (alarms, log groups, session documents, instances, volumes, key pairs,
     * security groups, instance profiles, roles, and last Hangar's network through {@link NetworkRemoval}); one failure does
     * not stop the rest.
     *
     * @return what could not be removed, one line each
     */
    public List<String> delete(List<Found> found, LaunchListener listener) {
        Waits waits = new Waits(pacing, new AtomicBoolean());
        List<OrderedRemoval.Item> items = found.stream()
                .filter(f -> !f.kind().equals(NetworkSweep.KIND))
                .sorted(Comparator.comparingInt(f -> REMOVAL_ORDER.indexOf(f.kind())))
                .map(f -> new OrderedRemoval.Item(new ResourceRemover(aws, f.region(), f.launchId(), waits),
                        new ResourceRecord(f.kind(), f.id(), "sweep", ResourceRecord.CREATED), " (" + f.region() + ")"))
                .toList();
        List<String> failures = new ArrayList<>(OrderedRemoval.removeAll(items, listener, r -> { }));
        // Networks last: the instances and groups removed above may sit inside them.
        found.stream().filter(f -> f.kind().equals(NetworkSweep.KIND)).forEach(f -> failures.addAll(deleteNetwork(f.region(), waits, listener)));
        return failures;
    }

    /** Read again, as a launch may have started using it since it was found; removed only if nothing does now. */
    private List<String> deleteNetwork(String region, Waits waits, LaunchListener listener) {
        try {
            NetworkRemoval.Outcome done = new NetworkRemoval(aws, journal, waits).removeUnless(region, now -> now.whyInUse(null), listener);
            if (done.keptBecause().isPresent()) {
                listener.on(new LaunchEvent.ResourceRemovalFailed(NetworkSweep.KIND, region, "in use now: " + done.keptBecause().get()));
                return List.of(NetworkSweep.KIND + " (" + region + "): in use now: " + done.keptBecause().get());
            }
            return done.failures().stream().map(f -> f + " (" + region + ")").toList();
        } catch (RuntimeException e) {
            String message = dev.hangar.blueprint.AwsErrors.brief(e);
            listener.on(new LaunchEvent.ResourceRemovalFailed(NetworkSweep.KIND, region, message));
            return List.of(NetworkSweep.KIND + " (" + region + "): " + message);
        }
    }

    private void findEc2(String region, Judge judge, List<SweepRules.Candidate> found) {
        Ec2Client ec2 = aws.ec2(region);
        Filter tagged = Filter.builder().name("tag-key").values(LaunchTags.LAUNCH_ID).build();
        Filter alive = Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped").build();
        for (Instance i : ec2.describeInstancesPaginator(r -> r.filters(tagged, alive)).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList()) {
            String launch = ec2Tag(i.tags(), LaunchTags.LAUNCH_ID);
            judge.why(launch, ResourceKind.INSTANCE, i.instanceId()).ifPresent(why -> found.add(new SweepRules.Candidate(
                    new Found(region, ResourceKind.INSTANCE, i.instanceId(), launch, why, i.state().nameAsString(),
                            ec2Tag(i.tags(), LaunchTags.CREATED_BY), i.launchTime()), true, List.of())));
        }
        for (Volume v : ec2.describeVolumesPaginator(r -> r.filters(tagged)).volumes()) {
            String launch = ec2Tag(v.tags(), LaunchTags.LAUNCH_ID);
            List<String> attachedTo = v.attachments().stream().map(a -> a.instanceId()).toList();
            judge.why(launch, ResourceKind.VOLUME, v.volumeId()).ifPresent(why -> found.add(new SweepRules.Candidate(
                    new Found(region, ResourceKind.VOLUME, v.volumeId(), launch, why, v.stateAsString(),
                            ec2Tag(v.tags(), LaunchTags.CREATED_BY), v.createTime()), !attachedTo.isEmpty(), attachedTo)));
        }
        ec2.describeKeyPairs(r -> r.filters(tagged)).keyPairs().forEach(k -> {
            String launch = ec2Tag(k.tags(), LaunchTags.LAUNCH_ID);
            judge.why(launch, ResourceKind.KEY_PAIR, k.keyName()).ifPresent(why -> found.add(notLive(
                    new Found(region, ResourceKind.KEY_PAIR, k.keyName(), launch, why, "", ec2Tag(k.tags(), LaunchTags.CREATED_BY), k.createTime()))));
        });
        ec2.describeSecurityGroupsPaginator(r -> r.filters(tagged)).securityGroups().forEach(g -> {
            String launch = ec2Tag(g.tags(), LaunchTags.LAUNCH_ID);
            judge.why(launch, ResourceKind.SECURITY_GROUP, g.groupId()).ifPresent(why -> found.add(notLive(
                    new Found(region, ResourceKind.SECURITY_GROUP, g.groupId(), launch, why, g.groupName(),
                            ec2Tag(g.tags(), LaunchTags.CREATED_BY), null))));
        });
    }

    private void findAlarms(String region, Judge judge, List<SweepRules.Candidate> found) {
        CloudWatchClient cw = aws.cloudWatch(region);
        for (MetricAlarm alarm : cw.describeAlarmsPaginator(r -> r.alarmNamePrefix("hangar-")).metricAlarms()) {
            Map<String, String> tags = cw.listTagsForResource(r -> r.resourceARN(alarm.alarmArn())).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> a));
            String launch = tags.get(LaunchTags.LAUNCH_ID);
            judge.why(launch, ResourceKind.ALARM, alarm.alarmName()).ifPresent(why -> found.add(notLive(
                    new Found(region, ResourceKind.ALARM, alarm.alarmName(), launch, why, "", tags.get(LaunchTags.CREATED_BY), null))));
        }
    }

    private void findSessionDocuments(String region, Judge judge, List<SweepRules.Candidate> found) {
        for (DocumentIdentifier doc : aws.ssm(region).listDocumentsPaginator(r -> r.filters(
                DocumentKeyValuesFilter.builder().key("Owner").values("Self").build(),
                DocumentKeyValuesFilter.builder().key("DocumentType").values("Session").build())).documentIdentifiers()) {
            if (!doc.name().startsWith("hangar-")) {
                continue;
            }
            Map<String, String> tags = doc.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> a));
            String launch = tags.get(LaunchTags.LAUNCH_ID);
            judge.why(launch, ResourceKind.SESSION_DOCUMENT, doc.name()).ifPresent(why -> found.add(notLive(
                    new Found(region, ResourceKind.SESSION_DOCUMENT, doc.name(), launch, why, "", tags.get(LaunchTags.CREATED_BY), doc.createdDate()))));
        }
    }

    /** A run's log groups: named {@code /hangar/<launch id>}, found by prefix, judged by their tags. */
    private void findLogGroups(String region, Judge judge, List<SweepRules.Candidate> found) {
        CloudWatchLogsClient logs = aws.logs(region);
        for (LogGroup group : logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(RunModel.LOG_GROUP_PREFIX)).logGroups()) {
            Map<String, String> tags = LogGroups.tags(logs, group);
            String launch = tags.get(LaunchTags.LAUNCH_ID);
            String detail = group.retentionInDays() == null ? "kept forever" : "kept " + group.retentionInDays() + " days";
            judge.why(launch, ResourceKind.LOG_GROUP, group.logGroupName()).ifPresent(why -> found.add(notLive(
                    new Found(region, ResourceKind.LOG_GROUP, group.logGroupName(), launch, why, detail, tags.get(LaunchTags.CREATED_BY),
                            group.creationTime() == null ? null : Instant.ofEpochMilli(group.creationTime())))));
        }
    }

    private void findIam(Judge judge, List<SweepRules.Candidate> found) {
        IamClient iam = aws.iam();
        for (InstanceProfile listed : iam.listInstanceProfilesPaginator().instanceProfiles()) {
            if (!listed.instanceProfileName().startsWith("hangar-")) {
                continue;
            }
            try {
                // ListInstanceProfiles leaves tags out; GetInstanceProfile has them.
                InstanceProfile p = iam.getInstanceProfile(r -> r.instanceProfileName(listed.instanceProfileName())).instanceProfile();
                Map<String, String> tags = iamTags(p.tags());
                String launch = tags.get(LaunchTags.LAUNCH_ID);
                judge.why(launch, ResourceKind.INSTANCE_PROFILE, p.instanceProfileName()).ifPresent(why -> found.add(notLive(
                        new Found(GLOBAL, ResourceKind.INSTANCE_PROFILE, p.instanceProfileName(), launch, why, "",
                                tags.get(LaunchTags.CREATED_BY), p.createDate()))));
            } catch (NoSuchEntityException gone) {
                // removed since it was listed
            }
        }
        for (Role role : iam.listRolesPaginator().roles()) {
            if (!role.roleName().startsWith("hangar-")) {
                continue;
            }
            try {
                Map<String, String> tags = iamTags(iam.listRoleTags(r -> r.roleName(role.roleName())).tags());
                String launch = tags.get(LaunchTags.LAUNCH_ID);
                judge.why(launch, ResourceKind.IAM_ROLE, role.roleName()).ifPresent(why -> found.add(notLive(
                        new Found(GLOBAL, ResourceKind.IAM_ROLE, role.roleName(), launch, why, "", tags.get(LaunchTags.CREATED_BY), role.createDate()))));
            } catch (NoSuchEntityException gone) {
                // removed since it was listed
            }
        }
    }

    private static SweepRules.Candidate notLive(Found found) {
        return new SweepRules.Candidate(found, false, List.of());
    }

    private static Map<String, String> iamTags(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return tags.stream().collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> a));
    }

    private static String ec2Tag(List<software.amazon.awssdk.services.ec2.model.Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(t -> t.value()).findFirst().orElse(null);
    }

    /** Decides, per launch, whether its resources may go. */
    private final class Judge {
        private final Map<String, LaunchRecord> launches;
        private final Set<String> damaged;
        private final List<String> warnings;
        private final Map<String, Boolean> busy = new HashMap<>();
        private final Set<String> warned = new HashSet<>();

        Judge(Map<String, LaunchRecord> launches, Set<String> damaged, List<String> warnings) {
            this.launches = launches;
            this.damaged = damaged;
            this.warnings = warnings;
        }

        /** Why the resource may go, or empty when it must stay. */
        Optional<String> why(String launchId, String kind, String id) {
            if (launchId == null || launchId.isBlank() || damaged.contains(launchId)) {
                return Optional.empty();
            }
            LaunchRecord record = launches.get(launchId);
            if (record == null) {
                return Optional.of("not in the journal");
            }
            LaunchState state = record.state();
            if (state == LaunchState.SUCCEEDED || state == LaunchState.LAUNCHING || state == LaunchState.ROLLING_BACK
                    || state == LaunchState.DESTROYING) {
                return Optional.empty();
            }
            if (busy.computeIfAbsent(launchId, journal::isBusy)) {
                if (warned.add(launchId)) {
                    warnings.add("launch " + launchId + " is being changed by another Hangar process; its resources are left alone");
                }
                return Optional.empty();
            }
            boolean kept = record.resources().stream().anyMatch(r -> r.state().equals(ResourceRecord.KEPT) && r.type().equals(kind) && r.id().equals(id));
            if (kept) {
                return Optional.empty();
            }
            return Optional.of(state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }
}
