package dev.hangar.export;

import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.SpecValidator;
import dev.hangar.spec.Tenancy;
import java.util.LinkedHashMap;
import java.util.Map;

/** Specs that between them take every branch of the exporters. */
public final class Fixtures {

    public static final String SUBNET = "subnet-0123456789abcdef0";

    /**
     * The strangest key pair name the validator allows ([A-Za-z0-9._-], no shell metacharacters since issue 15): leading
     * dash, dots, underscore. The other free-text fields keep the characters that mean something somewhere.
     */
    public static final String NASTY_KEY_NAME = "-k.._ey-.";

    /** A data prefix the validator allows: quotes, backslash, markup, a template directive, a bidi override, a line separator. */
    public static final String NASTY_PREFIX = "we\"ird\\path/<script>alert(1)</script>%{x}/r\u202Etl\u2028ls/";

    private Fixtures() {
    }

    public static LaunchSpec.Builder base() {
        return LaunchSpec.builder().name("llama-finetune").region("us-east-1").amiId("ami-0123456789abcdef0")
                .instanceType("g5.xlarge").dataBucket("my-datasets");
    }

    /** The DESIGN.md example: SSM, dedicated, Hangar's private network (the default), read-only, idle stop 60. */
    public static LaunchSpec ssm() {
        return valid(base().keyPair("my-key").tenancy(Tenancy.DEDICATED).tag("project", "nlp").build());
    }

    /** SSH from a /32, spot, a new key pair, a subnet and zone, HTTPS-only egress, read-write under a prefix. */
    public static LaunchSpec sshSpot() {
        return valid(base().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("hangar-key").createKeyPair(true)
                .market(Market.SPOT).subnetId(SUBNET).availabilityZone("us-east-1b").associatePublicIp(true)
                .egress(Egress.HTTPS_ONLY).bucketAccess(BucketAccess.READ_WRITE).dataPrefix("runs/").rootVolumeGiB(200)
                .dataVolumeGiB(500).idleStopMinutes(2000).tag("team", "vision").build());
    }

    /** The DESIGN.md example as a ParallelCluster cluster of four g5.48xlarge (EFA types) on On-Demand. */
    public static LaunchSpec cluster() {
        return valid(base().instanceType("g5.48xlarge").keyPair("my-key").tag("project", "nlp")
                .cluster(new dev.hangar.spec.ClusterSpec(4, 1, dev.hangar.spec.EfaMode.AUTO, 45, "t3.medium")).build());
    }

    /** Hangar's isolated network in a pinned zone: interface endpoints, no route out. */
    public static LaunchSpec isolated() {
        return valid(base().network(NetworkMode.ISOLATED).availabilityZone("us-east-1c").build());
    }

    /** network public: the default VPC with a public IP, as before issue 16. */
    public static LaunchSpec publicNetwork() {
        return valid(base().network(NetworkMode.PUBLIC).build());
    }

    /** SSH over IPv6, all egress, no idle stop, the data volume deleted with the instance, an existing key pair. */
    public static LaunchSpec ipv6AllEgress() {
        return valid(base().region("eu-west-1").access(Access.SSH).sshCidr("2001:db8::/64").keyPair("existing")
                .egress(Egress.ALL).idleStopMinutes(0).deleteDataVolumeOnTermination(true).build());
    }

    /** Every free-text field at its strangest: tags (letters of any script, YAML and HCL look-alikes), key name, prefix. */
    public static LaunchSpec nasty() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", "custom name");
        tags.put("café:ü", "名前 テスト_1.0");
        tags.put("team name", "Zoë @ ML/NLP = +1");
        tags.put("yes", "null");
        tags.put("on", "- x");
        tags.put("num", "1e3");
        tags.put("colon", ": x:y ");
        tags.put("empty", "");
        tags.put("trailing", " spaced  ");
        return valid(base().keyPair(NASTY_KEY_NAME).dataPrefix(NASTY_PREFIX).tags(tags).build());
    }

    public static LaunchSpec valid(LaunchSpec spec) {
        return new SpecValidator().requireValid(spec);
    }
}
