package dev.hangar.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocking problems in one clause after "Launch is blocked: ": the first two named, the rest counted. */
class PlainListTest {

    @Test
    void namesTheFirstTwoAndCountsTheRestReadingOnFromAColon() {
        assertThat(PlainList.of(List.of("SSH is open to the whole internet (0.0.0.0/0)"), 2))
                .isEqualTo("SSH is open to the whole internet (0.0.0.0/0)");
        assertThat(PlainList.of(List.of("The image is for NVIDIA GPUs, not the AWS Neuron accelerator", "s3://data is public"), 2))
                .isEqualTo("the image is for NVIDIA GPUs, not the AWS Neuron accelerator; s3://data is public");
        assertThat(PlainList.of(List.of("One", "Two", "IMDSv1 is on", "Four"), 2)).isEqualTo("one; two and 2 more");
        assertThat(PlainList.of(List.of(), 2)).isEmpty();
    }
}
