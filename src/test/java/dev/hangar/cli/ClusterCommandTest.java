package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hangar.journal.ClusterRecords;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import dev.hangar.testing.ShellCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hangar cluster create|delete} as a user runs them, in their own process, with a recording stand-in for
 * ParallelCluster's {@code pcluster} first on the PATH, against the local endpoint with Hangar's network in it.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class ClusterCommandTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYzzSecretValue";

    @TempDir Path home;
    @TempDir Path tools;
    private LocalAws aws;
    private Path spec;
    private Path record;
    private String privateSubnet;

    @BeforeEach
    void setUp(LocalAws aws) throws Exception {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        String caller = aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn();
        privateSubnet = NetworkFixture.create(aws.clients().ec2(LocalAws.REGION), LocalAws.REGION, caller, false, "us-east-1a")
                .privateSubnets().get("us-east-1a");
        spec = home.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "llama", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.48xlarge",
                 "dataBucket": "research-data", "dataPrefix": "runs/", "tags": {"project": "nlp"},
                 "cluster": {"nodes": 4, "minNodes": 0, "scaledownIdleMinutes": 20}}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI));
        record = tools.resolve("record");
    }

    private HangarProcess hangar(boolean withPcluster, String... args) throws Exception {
        Path bin = Files.createDirectories(tools.resolve(withPcluster ? "with" : "without"));
        if (withPcluster) {
            Path pcluster = bin.resolve("pcluster");
            try (InputStream in = getClass().getResourceAsStream("pcluster-standin.sh")) {
                Files.copy(in, pcluster, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(pcluster, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_EC2_METADATA_DISABLED", "true", "PATH", bin + ":/usr/bin:/bin", "PCLUSTER_RECORD", record.toString()));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", aws.uri().toString(), "--home", home.toString(), "--fast-polling"));
        return HangarProcess.start(home.resolve("process"), env, List.of(), all.toArray(String[]::new));
    }

    private List<List<String>> calls() throws Exception {
        List<List<String>> calls = new ArrayList<>();
        for (int i = 0; Files.exists(record.resolve("call-" + i)); i++) {
            calls.add(Files.readAllLines(record.resolve("call-" + i)));
        }
        return calls;
    }

    private LaunchRecord onlyLaunch() {
        List<LaunchRecord> all = new JournalStore(home).list(new ArrayList<>());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void theStandInIsShellcheckClean() throws Exception {
        Path script = tools.resolve("pcluster-standin.sh");
        try (InputStream in = getClass().getResourceAsStream("pcluster-standin.sh")) {
            Files.copy(in, script);
        }
        ShellCheck.Result result = ShellCheck.check(script);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void createRunsPclusterWithTheReviewedConfigurationFollowsItAndJournalsTheCluster() throws Exception {
        HangarProcess p = hangar(true, "cluster", "create", "--spec", spec.toString(), "--yes");

        assertThat(p.await(Duration.ofSeconds(120))).as(p.output()).isZero();
        LaunchRecord launch = onlyLaunch();
        String name = "hangar-" + launch.launchId();
        Path config = home.resolve("clusters").resolve(name + ".yaml");
        List<List<String>> calls = calls();
        assertThat(calls.get(0)).containsExactly("create-cluster", "--cluster-name", name, "--cluster-configuration", config.toString(),
                "--region", "us-east-1");
        assertThat(calls.subList(1, calls.size())).allSatisfy(c -> assertThat(c).containsExactly("describe-cluster", "--cluster-name", name,
                "--region", "us-east-1"));
        assertThat(calls).hasSize(3); // in progress, then complete
        // The file pcluster received is the one Hangar wrote, resolved against the account.
        String received = Files.readString(record.resolve("received-config.yaml"));
        assertThat(received).isEqualTo(Files.readString(config));
        JsonNode c = YAML.readTree(received);
        assertThat(c.at("/HeadNode/Networking/SubnetId").asText()).isEqualTo(privateSubnet);
        assertThat(c.at("/Scheduling/SlurmQueues/0/Networking/SubnetIds/0").asText()).isEqualTo(privateSubnet);
        assertThat(c.at("/Image/Os").asText()).as("the PyTorch DLAMI's Ubuntu 22.04").isEqualTo("ubuntu2204");
        assertThat(c.at("/Scheduling/SlurmQueues/0/ComputeResources/0/Efa/Enabled").asBoolean()).as("moto: g5.48xlarge has EFA").isTrue();
        assertThat(c.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount").asInt()).isEqualTo(4);
        assertThat(c.at("/HeadNode/Iam/S3Access/0/KeyName").asText()).isEqualTo("runs/*");
        assertThat(received).contains("hangar:launch-id", launch.launchId(), "hangar:created-by");

        assertThat(launch.state()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(launch.output(ClusterRecords.CLUSTER_NAME)).isEqualTo(name);
        assertThat(launch.output(ClusterRecords.REGION)).isEqualTo("us-east-1");
        assertThat(launch.output(ClusterRecords.CONFIGURATION)).isEqualTo(config.toString());
        assertThat(launch.output(ClusterRecords.STATUS)).isEqualTo("CREATE_COMPLETE");
        assertThat(launch.output(ClusterRecords.HEAD_NODE)).isEqualTo("i-0123456789abcdef0");
        assertThat(launch.resources()).containsExactly(new ResourceRecord(ResourceKind.PARALLELCLUSTER_CLUSTER, name, ClusterRecords.STEP,
                ResourceRecord.CREATED));
        assertThat(p.out()).contains(name + ": CREATE_IN_PROGRESS", name + ": CREATE_COMPLETE", "hangar cluster delete --launch " + launch.launchId());
        assertThat(p.output()).doesNotContain(SECRET);

        // A cluster's launch is not one machine: destroy sends the user to cluster delete.
        InProcessCli.Result destroy = InProcessCli.run(aws.uri(), home, "destroy", "--launch", launch.launchId(), "--yes");
        assertThat(destroy.exit()).as(destroy.toString()).isEqualTo(2);
        assertThat(destroy.err()).contains("hangar cluster delete --launch " + launch.launchId());

        HangarProcess delete = hangar(true, "cluster", "delete", "--name", name, "--yes");

        assertThat(delete.await(Duration.ofSeconds(120))).as(delete.output()).isZero();
        List<List<String>> after = calls();
        assertThat(after.get(3)).containsExactly("delete-cluster", "--cluster-name", name, "--region", "us-east-1");
        assertThat(after.get(4)).containsExactly("describe-cluster", "--cluster-name", name, "--region", "us-east-1");
        LaunchRecord deleted = onlyLaunch();
        assertThat(deleted.state()).isEqualTo(LaunchState.DESTROYED);
        assertThat(deleted.output(ClusterRecords.STATUS)).isEqualTo("DELETE_COMPLETE");
        assertThat(deleted.resources().get(0).state()).isEqualTo(ResourceRecord.DELETED);
        assertThat(delete.out()).contains("Deleted cluster " + name);
    }

    @Test
    void aFailingPclusterIsAClearErrorWithItsMessageAndNoSecret() throws Exception {
        Files.createDirectories(record);
        Files.writeString(record.resolve("fail"), "");

        HangarProcess p = hangar(true, "cluster", "create", "--spec", spec.toString(), "--yes");

        assertThat(p.await(Duration.ofSeconds(120))).as(p.output()).isEqualTo(1);
        assertThat(p.err()).contains("error: pcluster create-cluster failed (exit 1); nothing was created:",
                "Invalid cluster configuration.", "ERROR KeyPairValidator: The key pair does not exist in the region.")
                .doesNotContain("Exception");
        assertThat(p.output()).doesNotContain(SECRET);
        LaunchRecord launch = onlyLaunch();
        assertThat(launch.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(launch.message()).contains("KeyPairValidator");
        assertThat(Files.readString(new JournalStore(home).fileOf(launch.launchId()))).doesNotContain(SECRET);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aClusterThatFailsToComeUpIsJournaledAsLeftBehindWithTheReason() throws Exception {
        Files.createDirectories(record);
        Files.writeString(record.resolve("head-node-fails"), "");

        HangarProcess p = hangar(true, "cluster", "create", "--spec", spec.toString(), "--yes");

        assertThat(p.await(Duration.ofSeconds(120))).as(p.output()).isEqualTo(1);
        LaunchRecord launch = onlyLaunch();
        assertThat(p.err()).contains("the cluster is CREATE_FAILED: HeadNodeBootstrapFailure: Cluster creation failed because the head node",
                "hangar cluster delete --launch " + launch.launchId());
        assertThat(launch.state()).as("the stack may still exist: delete removes it").isEqualTo(LaunchState.ROLLBACK_INCOMPLETE);
        assertThat(launch.output(ClusterRecords.STATUS)).isEqualTo("CREATE_FAILED");
        assertThat(launch.resources().get(0).state()).isEqualTo(ResourceRecord.CREATED);
    }

    @Test
    void withoutPclusterItSaysHowToInstallItAndWhatItWouldRun() throws Exception {
        HangarProcess p = hangar(false, "cluster", "create", "--spec", spec.toString(), "--yes");

        assertThat(p.await(Duration.ofSeconds(120))).as(p.output()).isEqualTo(2);
        assertThat(p.err()).contains("python3 -m pip install aws-parallelcluster==3.16.1", "Node.js",
                "pcluster create-cluster --cluster-name hangar-llama-", "--region us-east-1");
        assertThat(new JournalStore(home).list(new ArrayList<>())).as("nothing was created").isEmpty();
        try (var written = Files.list(home.resolve("clusters"))) {
            assertThat(written.toList()).hasSize(1);
        }
    }

    @Test
    void exportAsksTheAccountForTheSubnetEfaAndImageWhenSignedIn() throws Exception {
        InProcessCli.Result export = InProcessCli.run(aws.uri(), home, "export", "--spec", spec.toString(), "--format", "parallelcluster");

        assertThat(export.exit()).as(export.toString()).isZero();
        JsonNode c = YAML.readTree(export.out());
        assertThat(c.at("/HeadNode/Networking/SubnetId").asText()).isEqualTo(privateSubnet);
        assertThat(c.at("/Image/Os").asText()).isEqualTo("ubuntu2204");
        assertThat(export.out()).contains("EFA on: g5.48xlarge supports EFA (DescribeInstanceTypes)");
        assertThat(aws.endpoint().requests("ec2", "DescribeSubnets")).isNotEmpty();
    }

    @Test
    void aSpecWithoutClusterAndAnUnknownNameAreRefused() throws Exception {
        Files.writeString(spec, Files.readString(spec).replaceAll(",\\s*\"cluster\": \\{[^}]*\\}", ""));
        InProcessCli.Result noCluster = InProcessCli.run(aws.uri(), home, "cluster", "create", "--spec", spec.toString(), "--yes");
        assertThat(noCluster.exit()).as(noCluster.toString()).isEqualTo(2);
        assertThat(noCluster.err()).contains("cluster: is needed for 'hangar cluster create'");

        InProcessCli.Result export = InProcessCli.run(aws.uri(), home, "export", "--spec", spec.toString(), "--format", "parallelcluster");
        assertThat(export.exit()).as(export.toString()).isEqualTo(2);
        assertThat(export.err()).contains("--format parallelcluster needs a spec with \"cluster\"");

        InProcessCli.Result unknown = InProcessCli.run(aws.uri(), home, "cluster", "delete", "--name", "someone-elses", "--yes");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("--name: no cluster someone-elses in the journal", "Hangar deletes only the clusters it created");
    }
}
