package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitoredCluster;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.ParallelClusterNodes;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Instances tagged as ParallelCluster tags a cluster's nodes are one row of the monitor; selecting it offers its nodes,
 * and each node's GPU chart is read by the same metrics code as a launch's.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class MonitorClusterUiTest {

    @TempDir Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theClusterIsOneRowAndEachNodeHasItsCharts(FxRobot robot, LocalAws aws) {
        MonitorFixture f = new MonitorFixture(aws, home);
        List<String> ids = ParallelClusterNodes.start(aws, "llama-train", "t3.medium", "g5.12xlarge", 2, "gpu");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.MINUTES);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", ids.get(1), t, 77);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", ids.get(2), t, 33);

        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            MonitorDriver.waitUntil(() -> m.controller().snapshotProperty().get() != null
                    && m.controller().snapshotProperty().get().clusters().size() == 1, "the cluster to be listed");

            List<MonitoredCluster> clusters = m.snapshot().clusters();
            assertThat(clusters.get(0).nodes()).extracting(n -> n.instance().instanceId()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(m.snapshot().instances()).as("the nodes are not rows of their own").isEmpty();
            assertThat(m.table().getItems()).singleElement().satisfies(row -> {
                assertThat(row.name()).isEqualTo("llama-train (cluster, 3 nodes)");
                assertThat(row.instanceType()).isEqualTo("g5.12xlarge");
                assertThat(row.instanceState()).isEqualTo("running");
                assertThat(row.cost().total()).isNotNull();
            });
            robot.interact(() -> m.table().getSelectionModel().select(0));
            assertThat(m.text("#selectedTitle")).contains("llama-train", "AWS ParallelCluster", "3 nodes", "running");

            ComboBox<MonitoredCluster.Node> nodes = nodeChoice(robot);
            assertThat(MonitorDriver.onFx(nodes::isVisible)).isTrue();
            assertThat(MonitorDriver.onFx(() -> nodes.getItems().size())).isEqualTo(3);
            assertThat(MonitorDriver.onFx(() -> nodes.getValue().instance().instanceId())).as("a compute node first").isIn(ids.get(1), ids.get(2));
            for (int node = 1; node <= 2; node++) {
                String id = ids.get(node);
                robot.interact(() -> nodes.setValue(nodes.getItems().stream().filter(n -> n.instance().instanceId().equals(id)).findFirst().orElseThrow()));
                assertThat(gpu(m.chart("gpuChart"))).as("node %s", id).containsExactly(node == 1 ? 77.0 : 33.0);
            }
            assertThat(m.button("stopButton").isDisabled()).as("Hangar does not stop ParallelCluster's nodes").isTrue();
            assertThat(m.button("destroyButton").isDisabled()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<MonitoredCluster.Node> nodeChoice(FxRobot robot) {
        return robot.lookup("#nodeChoice").queryAs(ComboBox.class);
    }

    private static List<Double> gpu(LineChart<Number, Number> chart) {
        return MonitorDriver.onFx(() -> chart.getData().stream().filter(s -> "GPU".equals(s.getName())).findFirst().orElseThrow()
                .getData().stream().map((XYChart.Data<Number, Number> d) -> d.getYValue().doubleValue()).toList());
    }
}
