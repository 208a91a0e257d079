package dev.hangar.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The driver an image carries, from names and descriptions as AWS and others publish them; and a type's accelerator. */
class ImageDriverTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105 | - | NVIDIA",
        "Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) 20241201 | - | NVIDIA",
        "Deep Learning AMI GPU PyTorch 2.0.1 (Ubuntu 20.04) 20230620 | - | NVIDIA",
        "Deep Learning ARM64 OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105 | - | NVIDIA",
        "Deep Learning Base AMI (Amazon Linux 2) Version 60.1 | - | NVIDIA",
        "Deep Learning AMI Neuron (Ubuntu 22.04) 20241221 | - | NEURON",
        "Deep Learning AMI Neuron PyTorch 1.13 (Amazon Linux 2) 20240101 | - | NEURON",
        "Deep Learning AMI Habana PyTorch 2.4.0 SynapseAI 1.18.0 (Ubuntu 22.04) 20241115 | - | HABANA",
        "gaudi-base-ubuntu22 | Intel Gaudi software | HABANA",
        "rocm-6.2-pytorch-ubuntu-22.04 | - | AMD",
        "my-radeon-image | Ubuntu with AMD Radeon Pro drivers | AMD",
        "qaic-platform-sdk | Qualcomm Cloud AI 100 platform SDK | QUALCOMM",
        "Deep Learning AMI (Ubuntu 18.04) Version 60 | PyTorch, Neuron & others. NVIDIA CUDA, cuDNN, NCCL | NVIDIA NEURON",
        "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250112 | Canonical, Ubuntu, 22.04 LTS, amd64 jammy image | NONE",
        "al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64 | Amazon Linux 2023 AMI | NONE",
        "amzn2-ami-hvm-2.0.20241217.0-x86_64-gp2 | - | NONE",
        "Windows_Server-2022-English-Full-Base-2024.12.13 | - | NONE",
        "amzn2-ami-graphics-hvm-2.0 | Amazon Linux 2 with NVIDIA GRID driver | NVIDIA",
        "team-llm-base-2024-11 | - | -",
        "my-image | built by ana | -",
    })
    void theDriverStackFromTheNameAndDescription(String name, String description, String expected) {
        Set<Accelerator> want = expected == null ? Set.of()
                : Arrays.stream(expected.split(" ")).map(Accelerator::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Accelerator.class)));
        assertThat(ImageDriver.of(name, description)).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"g5.xlarge, NVIDIA", "g4dn.12xlarge, NVIDIA", "p4d.24xlarge, NVIDIA", "p5.48xlarge, NVIDIA", "g6e.xlarge, NVIDIA",
        "g4ad.xlarge, AMD", "dl1.24xlarge, HABANA", "trn1.32xlarge, NEURON", "trn2.48xlarge, NEURON", "inf1.xlarge, NEURON",
        "inf2.xlarge, NEURON", "dl2q.24xlarge, QUALCOMM", "m7i.large, NONE", "t3.medium, NONE"})
    void theAcceleratorOfAFamilyWithoutAskingAws(String type, Accelerator expected) {
        assertThat(Accelerator.ofInstanceType(type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"NVIDIA, NVIDIA", "AMD, AMD", "Habana, HABANA", "AWS, NEURON", "Qualcomm, QUALCOMM"})
    void theAcceleratorOfAManufacturerAsDescribeInstanceTypesNamesIt(String manufacturer, Accelerator expected) {
        assertThat(Accelerator.ofManufacturer(manufacturer)).contains(expected);
    }

    @org.junit.jupiter.api.Test
    void devicesInWords() {
        assertThat(Accelerator.devices(8, "Habana", "Gaudi HL-205")).isEqualTo("8 × Habana Gaudi HL-205");
        assertThat(Accelerator.devices(8, "Qualcomm", "Qualcomm AI100")).isEqualTo("8 × Qualcomm AI100");
        assertThat(Accelerator.devices(0, "NVIDIA", "L4")).isEqualTo("part of an NVIDIA L4");
    }
}
