package dev.hangar.monitor;

import dev.hangar.aws.AwsClients;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.ParallelClusterTags;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * Everything one refresh needs from one region, in a fixed number of calls whatever the number of
 * instances (up to the per-call limits): DescribeInstances, DescribeInstanceStatus, DescribeAlarms,
 * DescribeSecurityGroups, DescribeVolumes and, with a metrics window, GetMetricData.
 */
final class RegionReader {

    /** AWS takes up to 200 values in one filter. */
    static final int FILTER_VALUES = 200;
    /** DescribeAlarms takes up to 100 alarm names. */
    static final int ALARM_NAMES = 100;

    /**
     * @param instances by ID, terminated ones included
     * @param alarms    by name
     * @param groups    the security groups of the running instances, by ID
     * @param volumes   the volumes attached to each live instance
     * @param metrics   each live instance's series; empty without a metrics window
     * @param gpuReporting the instances whose CloudWatch agent reports GPU utilisation: their idle alarm watches the GPUs
     */
    record Facts(Map<String, Instance> instances, Map<String, InstanceStatus> checks, Map<String, MetricAlarm> alarms,
            Map<String, SecurityGroup> groups, Map<String, List<Volume>> volumes, Map<String, Map<InstanceMetric, MetricSeries>> metrics,
            Set<String> gpuReporting) {
    }

    private RegionReader() {
    }

    /**
     * @param launches     the journal's launches in this region that may still hold resources
     * @param onlyLaunchId read only this launch's instances; null for all tagged instances
     */
    static Facts read(AwsClients aws, String region, List<LaunchRecord> launches, String onlyLaunchId, MetricWindow window, Instant now) {
        Ec2Client ec2 = aws.ec2(region);
        Map<String, Instance> instances = new LinkedHashMap<>();
        Consumer<Instance> keep = i -> instances.put(i.instanceId(), i);
        // With every launch asked for, ParallelCluster's nodes too (whoever made the cluster): one filter's values are OR-ed.
        Filter tagged = onlyLaunchId == null ? Filter.builder().name("tag-key").values(LaunchTags.LAUNCH_ID, ParallelClusterTags.CLUSTER_NAME).build()
                : Filter.builder().name("tag:" + LaunchTags.LAUNCH_ID).values(onlyLaunchId).build();
        ec2.describeInstancesPaginator(r -> r.filters(tagged)).reservations().forEach(res -> res.instances().forEach(keep));
        // A journaled instance whose tag was removed behind Hangar's back must still show (and still costs): ask by ID,
        // a filter so that one AWS has forgotten does not fail the call. Only when one is missing.
        List<String> missing = launches.stream().map(r -> r.output("instanceId"))
                .filter(id -> id != null && !instances.containsKey(id)).distinct().toList();
        for (List<String> ids : chunks(missing, FILTER_VALUES)) {
            ec2.describeInstancesPaginator(r -> r.filters(f -> f.name("instance-id").values(ids)))
                    .reservations().forEach(res -> res.instances().forEach(keep));
        }
        List<Instance> live = instances.values().stream().filter(i -> i.state().name() != InstanceStateName.TERMINATED).toList();
        List<String> liveIds = live.stream().map(Instance::instanceId).toList();

        Map<String, InstanceStatus> checks = new HashMap<>();
        for (List<String> ids : chunks(liveIds, FILTER_VALUES)) {
            ec2.describeInstanceStatusPaginator(r -> r.includeAllInstances(true).filters(f -> f.name("instance-id").values(ids)))
                    .instanceStatuses().forEach(s -> checks.put(s.instanceId(), s));
        }

        Set<String> alarmNames = new LinkedHashSet<>();
        launches.forEach(r -> alarmNames.add(new LaunchNames(r.launchId()).idleAlarmName()));
        live.forEach(i -> launchIdOf(i).ifPresent(id -> alarmNames.add(new LaunchNames(id).idleAlarmName())));
        Map<String, MetricAlarm> alarms = new HashMap<>();
        for (List<String> names : chunks(List.copyOf(alarmNames), ALARM_NAMES)) {
            aws.cloudWatch(region).describeAlarmsPaginator(r -> r.alarmNames(names)).metricAlarms().forEach(a -> alarms.put(a.alarmName(), a));
        }

        List<String> groupIds = live.stream().filter(i -> i.state().name() == InstanceStateName.RUNNING)
                .flatMap(i -> DriftAudit.groupIds(i).stream()).distinct().toList();
        Map<String, SecurityGroup> groups = new HashMap<>();
        for (List<String> ids : chunks(groupIds, FILTER_VALUES)) {
            ec2.describeSecurityGroupsPaginator(r -> r.filters(f -> f.name("group-id").values(ids)))
                    .securityGroups().forEach(g -> groups.put(g.groupId(), g));
        }

        Map<String, List<Volume>> volumes = new HashMap<>();
        for (List<String> ids : chunks(liveIds, FILTER_VALUES)) {
            ec2.describeVolumesPaginator(r -> r.filters(f -> f.name("attachment.instance-id").values(ids))).volumes()
                    .forEach(v -> v.attachments().stream().filter(a -> ids.contains(a.instanceId())).forEach(a ->
                            volumes.computeIfAbsent(a.instanceId(), k -> new ArrayList<>()).add(v)));
        }

        Map<String, Map<InstanceMetric, MetricSeries>> metrics = window == null || liveIds.isEmpty() ? Map.of()
                : MetricsReader.read(aws.cloudWatch(region), liveIds, window, now);
        // Which instances report GPU data: from the series just read, else one call for the region (last three hours).
        Set<String> gpuReporting = new java.util.HashSet<>();
        if (window != null) {
            metrics.forEach((id, series) -> {
                MetricSeries gpu = series.get(InstanceMetric.GPU_UTILIZATION);
                if (gpu != null && !gpu.isEmpty()) {
                    gpuReporting.add(id);
                }
            });
        } else if (!alarms.isEmpty()) {
            aws.cloudWatch(region).listMetricsPaginator(r -> r.namespace(IdleAlarmModel.BUSIEST_GPU.namespace())
                            .metricName(IdleAlarmModel.BUSIEST_GPU.metricName()).recentlyActive(RecentlyActive.PT3_H)).metrics()
                    .forEach(m -> m.dimensions().stream().filter(d -> d.name().equals(IdleAlarmModel.DIMENSION))
                            .forEach(d -> gpuReporting.add(d.value())));
        }
        return new Facts(instances, checks, alarms, groups, volumes, metrics, gpuReporting);
    }

    static Optional<String> launchIdOf(Instance i) {
        return tag(i, LaunchTags.LAUNCH_ID);
    }

    static Optional<String> tag(Instance i, String key) {
        return i.tags().stream().filter(t -> key.equals(t.key())).map(t -> t.value()).findFirst();
    }

    static <T> List<List<T>> chunks(Collection<T> all, int size) {
        List<T> list = List.copyOf(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
