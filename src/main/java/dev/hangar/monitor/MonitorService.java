package dev.hangar.monitor;

import dev.hangar.aws.AwsClients;
import dev.hangar.catalog.CatalogService;
import dev.hangar.catalog.CostEstimator;
import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.HeadNodePrices;
import dev.hangar.checklist.Finding;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.ParallelClusterTags;
import dev.hangar.provision.Launcher;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The monitor's engine: every Hangar launch in the journal and every instance tagged
 * {@code hangar:launch-id} in the regions looked at, with live state, status checks, uptime, cost so
 * far, the idle-stop alarm, drift from what was launched and, if asked, the chart series.
 *
 * <p>{@link #refresh} is one batch of calls per region (see {@link RegionReader}) and returns an
 * immutable {@link MonitorSnapshot}. It blocks, so a UI calls it off its UI thread (a background
 * task); it is safe to call from several threads.
 */
public final class MonitorService {

    private static final Pattern STOP_TIME = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (?:GMT|UTC)\\)");
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<AwsClients> aws;
    private final JournalStore journal;
    private final CatalogService catalog;
    private final Clock clock;
    /** Prices change rarely: each region's catalog is read once per service (from the disk cache when fresh). */
    private final Map<String, GpuCatalog> catalogs = new ConcurrentHashMap<>();

    public MonitorService(AwsClients aws, JournalStore journal, CatalogService catalog, Clock clock) {
        this(() -> aws, journal, catalog, clock);
    }

    /**
     * @param aws asked for the clients only when a region has to be read, so that a journal holding no live
     *            launch needs no credentials (the command line's case)
     */
    public MonitorService(Supplier<AwsClients> aws, JournalStore journal, CatalogService catalog, Clock clock) {
        this.aws = aws;
        this.journal = journal;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Reads the journal and AWS once. A region that cannot be read is named in {@link MonitorSnapshot#problems()}; the rest is shown. */
    public MonitorSnapshot refresh(MonitorQuery query) {
        Instant now = clock.instant();
        List<JournalCorruptException> corrupt = new ArrayList<>();
        List<LaunchRecord> launches = launches(query.launchId(), corrupt);
        // The regions of launches that may still hold resources, and those asked for; a destroyed launch's region is not read.
        Set<String> regions = new TreeSet<>(query.regions());
        launches.stream().filter(r -> r.state().mayHoldResources()).forEach(r -> regions.add(r.spec().region()));

        List<String> problems = new ArrayList<>();
        Map<String, RegionReader.Facts> facts = new HashMap<>();
        AwsClients clients = regions.isEmpty() ? null : aws.get(); // no credentials: one clear error, not one per region
        for (String region : regions) {
            List<LaunchRecord> here = launches.stream().filter(r -> r.spec().region().equals(region) && r.state().mayHoldResources()).toList();
            try {
                facts.put(region, RegionReader.read(clients, region, here, query.launchId(), query.metrics(), now));
            } catch (RuntimeException e) {
                problems.add(region + ": " + AwsErrors.brief(e));
            }
        }

        List<MonitoredInstance> rows = new ArrayList<>();
        Set<String> journaled = new HashSet<>();
        for (LaunchRecord r : launches) {
            RegionReader.Facts f = r.state().mayHoldResources() ? facts.get(r.spec().region()) : null;
            rows.add(journalRow(r, f, now));
            if (r.output("instanceId") != null) {
                journaled.add(r.output("instanceId"));
            }
        }
        List<MonitoredInstance> untracked = new ArrayList<>();
        Map<List<String>, List<MonitoredCluster.Node>> clusterNodes = new java.util.TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        facts.forEach((region, f) -> f.instances().values().stream()
                .filter(i -> !journaled.contains(i.instanceId()) && i.state().name() != InstanceStateName.TERMINATED)
                .forEach(i -> {
                    Optional<String> cluster = RegionReader.tag(i, ParallelClusterTags.CLUSTER_NAME);
                    if (cluster.isPresent()) {
                        clusterNodes.computeIfAbsent(List.of(region, cluster.get()), k -> new ArrayList<>()).add(clusterNode(region, i, f, now));
                    } else {
                        untracked.add(untrackedRow(region, i, f, now));
                    }
                }));
        untracked.sort(Comparator.comparing(MonitoredInstance::region).thenComparing(MonitoredInstance::launchId)
                .thenComparing(MonitoredInstance::instanceId));
        rows.addAll(untracked);
        List<MonitoredCluster> clusters = clusterNodes.entrySet().stream()
                .map(e -> new MonitoredCluster(e.getKey().get(1), e.getKey().get(0), e.getValue())).toList();
        return new MonitorSnapshot(now, query, rows, problems, corrupt, clusters);
    }

    private List<LaunchRecord> launches(String launchId, List<JournalCorruptException> corrupt) {
        if (launchId == null) {
            return journal.list(corrupt);
        }
        try {
            return journal.load(launchId).map(List::of).orElse(List.of());
        } catch (JournalCorruptException e) {
            corrupt.add(e);
            return List.of();
        }
    }

    private MonitoredInstance journalRow(LaunchRecord r, RegionReader.Facts f, Instant now) {
        LaunchSpec spec = r.spec();
        String instanceId = r.output("instanceId");
        String zone = r.output("availabilityZone");
        if (f == null) {
            return new MonitoredInstance(r.launchId(), spec.name(), true, r.state(), r.message(), r.createdAt(), spec.region(), zone,
                    instanceId, spec.instanceType(), null, null, null, null, null, null, null, r.output("connect"), null, null,
                    List.of(), Map.of());
        }
        Instance i = instanceId == null ? null : f.instances().get(instanceId);
        IdleAlarm alarm = alarm(r.launchId(), f, i).orElse(spec.idleStopMinutes() > 0 && r.state() == LaunchState.SUCCEEDED
                && i != null && i.state().name() != InstanceStateName.TERMINATED ? IdleAlarm.missing(new LaunchNames(r.launchId()).idleAlarmName()) : null);
        if (i == null) {
            CostSoFar cost = instanceId == null ? null : CostSoFar.of(null, "unknown", null, false, null,
                    spec.rootVolumeGiB() + spec.dataVolumeGiB(), r.createdAt(), now);
            return new MonitoredInstance(r.launchId(), spec.name(), true, r.state(), r.message(), r.createdAt(), spec.region(), zone,
                    instanceId, spec.instanceType(), instanceId == null ? null : MonitoredInstance.NOT_FOUND, null, null, null, null, null,
                    null, r.output("connect"), cost, alarm, List.of(), Map.of());
        }
        Instant stoppedAt = stopTime(i).orElseGet(() -> journalStopTime(r, i));
        CostSoFar cost = cost(spec.region(), i, stoppedAt, spec.rootVolumeGiB() + spec.dataVolumeGiB(), r.createdAt(), now);
        List<Finding> drift = i.state().name() == InstanceStateName.RUNNING
                ? DriftAudit.audit(spec.region(), r.launchId(), Blueprint.launched(spec, r.launchId(), r.output(Launcher.CREATED_BY)), i, f.groups(), f.volumes().getOrDefault(i.instanceId(), List.of()))
                : List.of();
        return liveRow(r.launchId(), spec.name(), true, r.state(), r.message(), r.createdAt(), spec.region(), i, f, r.output("connect"),
                cost, alarm, drift, now);
    }

    private MonitoredInstance untrackedRow(String region, Instance i, RegionReader.Facts f, Instant now) {
        String launchId = RegionReader.launchIdOf(i).orElse("?");
        String name = RegionReader.tag(i, LaunchTags.NAME).or(() -> RegionReader.tag(i, "Name")).orElse(null);
        List<Volume> volumes = f.volumes().getOrDefault(i.instanceId(), List.of());
        double gib = volumes.stream().mapToInt(v -> v.size() == null ? 0 : v.size()).sum();
        Instant since = volumes.stream().map(Volume::createTime).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(i.launchTime());
        CostSoFar cost = cost(region, i, stopTime(i).orElse(null), gib, since, now);
        List<Finding> drift = i.state().name() == InstanceStateName.RUNNING
                ? DriftAudit.audit(region, launchId, null, i, f.groups(), volumes) : List.of();
        return liveRow(launchId, name, false, null, "not in the journal of this machine (" + journal.directory() + ")", null, region, i, f,
                null, cost, alarm(launchId, f, i).orElse(null), drift, now);
    }

    /**
     * A node of a ParallelCluster cluster: no drift audit (ParallelCluster's own groups and roles are not Hangar's blueprint)
     * and no idle-stop alarm (Slurm scales the compute nodes down).
     */
    private MonitoredCluster.Node clusterNode(String region, Instance i, RegionReader.Facts f, Instant now) {
        String cluster = RegionReader.tag(i, ParallelClusterTags.CLUSTER_NAME).orElseThrow();
        String nodeType = RegionReader.tag(i, ParallelClusterTags.NODE_TYPE).orElse(ParallelClusterTags.COMPUTE);
        List<Volume> volumes = f.volumes().getOrDefault(i.instanceId(), List.of());
        double gib = volumes.stream().mapToInt(v -> v.size() == null ? 0 : v.size()).sum();
        Instant since = volumes.stream().map(Volume::createTime).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(i.launchTime());
        CostSoFar cost = cost(region, i, stopTime(i).orElse(null), gib, since, now);
        MonitoredInstance row = liveRow(cluster, cluster + " " + nodeType, false, null, "a node of ParallelCluster cluster " + cluster,
                null, region, i, f, null, cost, null, List.of(), now);
        return new MonitoredCluster.Node(nodeType, RegionReader.tag(i, ParallelClusterTags.QUEUE_NAME).orElse(null), row);
    }

    private static MonitoredInstance liveRow(String launchId, String name, boolean inJournal, LaunchState state, String message,
            Instant createdAt, String region, Instance i, RegionReader.Facts f, String connect, CostSoFar cost, IdleAlarm alarm,
            List<Finding> drift, Instant now) {
        InstanceStatus checks = f.checks().get(i.instanceId());
        boolean running = i.state().name() == InstanceStateName.RUNNING;
        Duration uptime = running && i.launchTime() != null && now.isAfter(i.launchTime()) ? Duration.between(i.launchTime(), now) : null;
        return new MonitoredInstance(launchId, name, inJournal, state, interruption(i).orElse(message), createdAt, region,
                i.placement() == null ? null : i.placement().availabilityZone(), i.instanceId(), i.instanceTypeAsString(),
                i.state().nameAsString(),
                checks == null || checks.systemStatus() == null ? null : checks.systemStatus().statusAsString(),
                checks == null || checks.instanceStatus() == null ? null : checks.instanceStatus().statusAsString(),
                i.launchTime(), uptime, i.publicIpAddress(), i.privateIpAddress(), connect, cost, alarm, drift,
                f.metrics().getOrDefault(i.instanceId(), Map.of()));
    }

    /** A spot instance that AWS stopped for capacity or price says so: it was not idle, and it starts again by itself. */
    static Optional<String> interruption(Instance i) {
        String code = i.stateReason() == null ? null : i.stateReason().code();
        if (code == null || !code.startsWith("Server.SpotInstance") || i.state().name() == InstanceStateName.RUNNING) {
            return Optional.empty();
        }
        return Optional.of("stopped by a spot interruption (" + code + "): the persistent spot request starts it again when "
                + "capacity returns; disks and data are kept");
    }

    private static Optional<IdleAlarm> alarm(String launchId, RegionReader.Facts f, Instance i) {
        String name = new LaunchNames(launchId).idleAlarmName();
        MetricAlarm a = f.alarms().get(name);
        String signal = i != null && f.gpuReporting().contains(i.instanceId()) ? IdleAlarm.CPU_AND_GPUS : IdleAlarm.CPU_ONLY;
        return a == null ? Optional.empty() : Optional.of(new IdleAlarm(name, a.stateValueAsString(), a.stateReason(), a.stateUpdatedTimestamp(), signal));
    }

    private CostSoFar cost(String region, Instance i, Instant stoppedAt, double storageGiB, Instant storageSince, Instant now) {
        InstanceStateName state = i.state().name();
        boolean charged = state == InstanceStateName.PENDING || state == InstanceStateName.RUNNING || state == InstanceStateName.STOPPING;
        Double price = null;
        String source;
        try {
            GpuCatalog prices = catalogs.computeIfAbsent(region, r -> catalog.gpuTypes(r, false));
            Optional<GpuOffer> offer = prices.offer(i.instanceTypeAsString());
            Optional<Double> listed = offer.map(GpuOffer::pricePerHour);
            if (listed.isEmpty()) {
                listed = HeadNodePrices.perHour(i.instanceTypeAsString()); // a cluster's head node is no GPU type
            }
            if (listed.isPresent()) {
                boolean dedicated = i.placement() != null && i.placement().tenancy() == Tenancy.DEDICATED;
                price = listed.get() * (dedicated ? CostEstimator.DEDICATED_PRICE_FACTOR : 1);
                source = offer.isEmpty() ? HeadNodePrices.SOURCE
                        : offer.get().priceNote() != null ? offer.get().priceNote() : prices.source(); // the bundled list says its date
            } else {
                source = "unknown: no price for " + i.instanceTypeAsString() + " in the " + prices.source() + " GPU catalog";
            }
        } catch (RuntimeException e) {
            source = "unknown: prices could not be read (" + AwsErrors.brief(e) + ")"; // not cached: tried again next refresh
        }
        return CostSoFar.of(price, source, i.launchTime(), charged, stoppedAt, storageGiB, storageSince, now);
    }

    /** AWS writes the stop time into the state transition reason: "User initiated (2025-01-31 09:15:02 GMT)". */
    static Optional<Instant> stopTime(Instance i) {
        InstanceStateName state = i.state().name();
        if (state != InstanceStateName.STOPPED && state != InstanceStateName.TERMINATED && state != InstanceStateName.SHUTTING_DOWN) {
            return Optional.empty();
        }
        Matcher m = STOP_TIME.matcher(String.valueOf(i.stateTransitionReason()));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), REASON_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Hangar's own record of a stop, when AWS gave no time and the stop came after the last start. */
    private static Instant journalStopTime(LaunchRecord r, Instance i) {
        if (i.state().name() != InstanceStateName.STOPPED || r.output(InstanceActions.STOPPED_AT) == null) {
            return null;
        }
        Instant at = Instant.parse(r.output(InstanceActions.STOPPED_AT));
        return i.launchTime() == null || at.isAfter(i.launchTime()) ? at : null;
    }
}
