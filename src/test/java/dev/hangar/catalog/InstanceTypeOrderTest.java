package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types sort as a person reads them: family, then size by its multiplier. */
class InstanceTypeOrderTest {

    @Test
    void sizesSortByTheirMultiplierAndMetalLast() {
        List<String> expected = List.of("g4dn.xlarge", "g4dn.2xlarge", "g4dn.12xlarge", "g4dn.metal", "g5.xlarge", "g5.2xlarge",
                "g5.4xlarge", "g5.12xlarge", "g5.48xlarge", "g5g.xlarge", "g5g.metal", "g6f.large", "g6f.xlarge", "p5.4xlarge",
                "p5.48xlarge", "p6-b200.48xlarge", "t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        Collections.shuffle(shuffled, new java.util.Random(17));
        shuffled.sort(InstanceTypeOrder.INSTANCE);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void familiesCompareTheirNumbersAsNumbers() {
        assertThat(InstanceTypeOrder.INSTANCE.compare("g10.xlarge", "g9.xlarge")).isPositive();
        assertThat(InstanceTypeOrder.INSTANCE.compare("g5.2xlarge", "g5.12xlarge")).isNegative();
    }
}
