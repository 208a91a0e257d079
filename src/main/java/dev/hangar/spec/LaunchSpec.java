package dev.hangar.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to launch: one GPU instance with its data volume, access and limits. Component names are the
 * JSON field names (a contract, see DESIGN.md). The record does not validate; {@link SpecValidator}
 * does, and {@link LaunchSpecJson} runs it on every read.
 *
 * <p>Nullable: {@code availabilityZone}, {@code keyPair}, {@code sshCidr}, {@code subnetId}, {@code dataBucketOwner}
 * (the caller's account owns the bucket), {@code permissionsBoundaryArn} (the role gets none),
 * {@code capacityReservationId} (no reservation), {@code run} (no run: the machine only) and {@code cluster} (one
 * machine, not a ParallelCluster cluster). {@code network} is
 * ignored when {@code subnetId} names an existing subnet.
 * {@code dataPrefix} null becomes {@code ""}; {@code tags} is copied, keeps its insertion order and
 * is unmodifiable (null becomes empty).
 */
public record LaunchSpec(
        String name,
        String region,
        String availabilityZone,
        String amiId,
        String instanceType,
        String keyPair,
        boolean createKeyPair,
        String dataBucket,
        String dataPrefix,
        BucketAccess bucketAccess,
        int dataVolumeGiB,
        int rootVolumeGiB,
        boolean deleteDataVolumeOnTermination,
        Tenancy tenancy,
        Access access,
        String sshCidr,
        String subnetId,
        boolean associatePublicIp,
        Market market,
        int idleStopMinutes,
        Map<String, String> tags,
        Egress egress,
        boolean allowSshFromAnywhere,
        String dataBucketOwner,
        String permissionsBoundaryArn,
        NetworkMode network,
        String capacityReservationId,
        RunSpec run,
        ClusterSpec cluster) {

    public static final int DEFAULT_VOLUME_GIB = 100;
    public static final int DEFAULT_IDLE_STOP_MINUTES = 60;

    public LaunchSpec {
        dataPrefix = dataPrefix == null ? "" : dataPrefix;
        tags = Collections.unmodifiableMap(tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags));
    }

    /** A builder holding every default; the five required fields start as null. */
    public static Builder builder() {
        return new Builder();
    }

    /** Hangar's own network in the region is used: private or isolated, and no existing subnet named. */
    public boolean usesHangarNetwork() {
        return subnetId == null && network != NetworkMode.PUBLIC;
    }

    /** A builder holding this spec's values, for a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .name(name).region(region).availabilityZone(availabilityZone).amiId(amiId)
                .instanceType(instanceType).keyPair(keyPair).createKeyPair(createKeyPair)
                .dataBucket(dataBucket).dataPrefix(dataPrefix).bucketAccess(bucketAccess)
                .dataVolumeGiB(dataVolumeGiB).rootVolumeGiB(rootVolumeGiB)
                .deleteDataVolumeOnTermination(deleteDataVolumeOnTermination).tenancy(tenancy)
                .access(access).sshCidr(sshCidr).subnetId(subnetId).associatePublicIp(associatePublicIp)
                .market(market).idleStopMinutes(idleStopMinutes).tags(tags).egress(egress)
                .allowSshFromAnywhere(allowSshFromAnywhere).dataBucketOwner(dataBucketOwner)
                .permissionsBoundaryArn(permissionsBoundaryArn).network(network)
                .capacityReservationId(capacityReservationId).run(run).cluster(cluster);
    }

    /** Mutable, step-by-step construction (the wizard, checklist fixes). {@link #build()} does not validate. */
    public static final class Builder {
        private String name;
        private String region;
        private String availabilityZone;
        private String amiId;
        private String instanceType;
        private String keyPair;
        private boolean createKeyPair;
        private String dataBucket;
        private String dataPrefix = "";
        private BucketAccess bucketAccess = BucketAccess.READ_ONLY;
        private int dataVolumeGiB = DEFAULT_VOLUME_GIB;
        private int rootVolumeGiB = DEFAULT_VOLUME_GIB;
        private boolean deleteDataVolumeOnTermination;
        private Tenancy tenancy = Tenancy.DEFAULT;
        private Access access = Access.SSM;
        private String sshCidr;
        private String subnetId;
        private boolean associatePublicIp;
        private Market market = Market.ON_DEMAND;
        private int idleStopMinutes = DEFAULT_IDLE_STOP_MINUTES;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Egress egress = Egress.WEB;
        private boolean allowSshFromAnywhere;
        private String dataBucketOwner;
        private String permissionsBoundaryArn;
        private NetworkMode network = NetworkMode.PRIVATE;
        private String capacityReservationId;
        private RunSpec run;
        private ClusterSpec cluster;

        private Builder() {
        }

        public Builder name(String v) { name = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder availabilityZone(String v) { availabilityZone = v; return this; }
        public Builder amiId(String v) { amiId = v; return this; }
        public Builder instanceType(String v) { instanceType = v; return this; }
        public Builder keyPair(String v) { keyPair = v; return this; }
        public Builder createKeyPair(boolean v) { createKeyPair = v; return this; }
        public Builder dataBucket(String v) { dataBucket = v; return this; }
        public Builder dataPrefix(String v) { dataPrefix = v; return this; }
        public Builder bucketAccess(BucketAccess v) { bucketAccess = v; return this; }
        public Builder dataVolumeGiB(int v) { dataVolumeGiB = v; return this; }
        public Builder rootVolumeGiB(int v) { rootVolumeGiB = v; return this; }
        public Builder deleteDataVolumeOnTermination(boolean v) { deleteDataVolumeOnTermination = v; return this; }
        public Builder tenancy(Tenancy v) { tenancy = v; return this; }
        public Builder access(Access v) { access = v; return this; }
        public Builder sshCidr(String v) { sshCidr = v; return this; }
        public Builder subnetId(String v) { subnetId = v; return this; }
        public Builder associatePublicIp(boolean v) { associatePublicIp = v; return this; }
        public Builder market(Market v) { market = v; return this; }
        public Builder idleStopMinutes(int v) { idleStopMinutes = v; return this; }
        public Builder egress(Egress v) { egress = v; return this; }
        public Builder allowSshFromAnywhere(boolean v) { allowSshFromAnywhere = v; return this; }
        public Builder dataBucketOwner(String v) { dataBucketOwner = v; return this; }
        public Builder permissionsBoundaryArn(String v) { permissionsBoundaryArn = v; return this; }
        public Builder network(NetworkMode v) { network = v; return this; }
        public Builder capacityReservationId(String v) { capacityReservationId = v; return this; }
        public Builder run(RunSpec v) { run = v; return this; }
        public Builder cluster(ClusterSpec v) { cluster = v; return this; }

        /** Replaces all tags (null clears them), keeping {@code v}'s iteration order. */
        public Builder tags(Map<String, String> v) {
            tags.clear();
            if (v != null) {
                tags.putAll(v);
            }
            return this;
        }

        /** Adds or replaces one tag; a new key goes last. */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** Builds without validating, so a half-filled wizard can hold a spec. */
        public LaunchSpec build() {
            return new LaunchSpec(name, region, availabilityZone, amiId, instanceType, keyPair, createKeyPair,
                    dataBucket, dataPrefix, bucketAccess, dataVolumeGiB, rootVolumeGiB,
                    deleteDataVolumeOnTermination, tenancy, access, sshCidr, subnetId, associatePublicIp,
                    market, idleStopMinutes, tags, egress, allowSshFromAnywhere, dataBucketOwner, permissionsBoundaryArn, network,
                    capacityReservationId, run, cluster);
        }
    }
}
