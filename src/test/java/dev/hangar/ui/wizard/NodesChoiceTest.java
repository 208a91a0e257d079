package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.EfaMode;
import org.junit.jupiter.api.Test;

/** The Options step's "Nodes: 1 / N" sets and clears the spec's cluster, without a window. */
class NodesChoiceTest {

    @Test
    void choosingAClusterOfNSetsTheSpecsClusterAndOneMachineClearsIt() {
        WizardState state = new WizardState();
        NodesChoice nodes = new NodesChoice(state.cluster);
        assertThat(state.spec().cluster()).isNull();

        nodes.clustered.set(true);
        nodes.nodes.set(8);
        nodes.minNodes.set(1);
        assertThat(state.spec().cluster()).isEqualTo(new ClusterSpec(8, 1, EfaMode.AUTO, 30, "t3.medium"));

        nodes.clustered.set(false);
        assertThat(state.spec().cluster()).isNull();
    }

    @Test
    void aLoadedClusterShowsAndKeepsItsOtherFields() {
        WizardState state = new WizardState();
        NodesChoice nodes = new NodesChoice(state.cluster);
        state.cluster.set(new ClusterSpec(4, 0, EfaMode.ON, 15, "c5.large"));

        assertThat(nodes.clustered.get()).isTrue();
        assertThat(nodes.nodes.get()).isEqualTo(4);
        nodes.nodes.set(6);
        assertThat(state.spec().cluster()).isEqualTo(new ClusterSpec(6, 0, EfaMode.ON, 15, "c5.large"));
    }

    @Test
    void tooFewNodesForTheMinimumIsNamedOnTheClusterField() {
        WizardState state = new WizardState();
        NodesChoice nodes = new NodesChoice(state.cluster);
        nodes.clustered.set(true);
        nodes.nodes.set(2);
        nodes.minNodes.set(3);

        assertThat(state.problems().get()).anySatisfy(p -> assertThat(p.field()).isEqualTo("cluster.minNodes"));
        assertThat(NodesChoice.explanation(true)).contains("AWS ParallelCluster", "hangar cluster create");
    }
}
