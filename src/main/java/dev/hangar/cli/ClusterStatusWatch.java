package dev.hangar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.provision.Pacing;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows a cluster with {@code pcluster describe-cluster} until its status is one of the ends asked for, printing each
 * change. A cluster ParallelCluster no longer knows (after a deletion) ends the watch as {@link #GONE}.
 */
final class ClusterStatusWatch {

    static final String GONE = "GONE";
    /** CloudFormation gives up on a stack after an hour by default; ParallelCluster's head node waits up to 35 minutes of it. */
    private static final Duration LIMIT = Duration.ofMinutes(90);

    private final Pcluster pcluster;
    private final Pacing pacing;
    private final PrintWriter out;

    ClusterStatusWatch(Pcluster pcluster, Pacing pacing, PrintWriter out) {
        this.pcluster = pcluster;
        this.pacing = pacing;
        this.out = out;
    }

    /**
     * @param onStatus each new status, with describe-cluster's whole answer
     * @return the last answer: its clusterStatus is one of {@code ends}, or {@link #GONE}, or what it was at the time limit
     */
    Pcluster.Answer until(String clusterName, String region, Set<String> ends, Consumer<Pcluster.Answer> onStatus)
            throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(LIMIT);
        Duration delay = pacing.firstDelay();
        String last = null;
        while (true) {
            Pcluster.Answer a = pcluster.run(List.of("describe-cluster", "--cluster-name", clusterName, "--region", region));
            String status = status(a);
            if (status == null) {
                return a; // pcluster failed: the caller shows why
            }
            if (!status.equals(last)) {
                out.println("  " + clusterName + ": " + status);
                out.flush();
                onStatus.accept(a);
                last = status;
            }
            if (ends.contains(status) || Instant.now().isAfter(giveUp)) {
                return a;
            }
            Thread.sleep(delay.toMillis());
            delay = Duration.ofMillis(Math.min((long) (delay.toMillis() * pacing.factor()), pacing.maxDelay().toMillis()));
        }
    }

    /** The answer's clusterStatus, {@link #GONE} when ParallelCluster says there is no such cluster, null for another failure. */
    static String status(Pcluster.Answer a) {
        if (!a.ok()) {
            return a.json().path("message").asText("").contains("does not exist") ? GONE : null;
        }
        JsonNode cluster = a.json().has("cluster") ? a.json().get("cluster") : a.json();
        return cluster.path("clusterStatus").asText(null);
    }
}
