package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.GpuInstanceType;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.catalog.QuotaHeadroom.Headroom;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.Step;
import dev.hangar.ui.CloseGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view models, without a window. */
class ViewModelsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    private static GpuOffer offer(String name, String model, int gpus, int gpuMiB, int vcpus, Double price) {
        return new GpuOffer(new GpuInstanceType(name, "NVIDIA", model, gpus, gpuMiB, vcpus, vcpus * 4096L, List.of("x86_64"), true),
                List.of("us-east-1a", "us-east-1b"), price);
    }

    private static final GpuCatalog CATALOG = new GpuCatalog("us-east-1", NOW, "live", List.of(
            offer("p4d.24xlarge", "A100", 8, 8 * 40960, 96, 32.77),
            offer("g5.xlarge", "A10G", 1, 24576, 4, 1.006),
            offer("g6.xlarge", "L4", 1, 24576, 4, 0.805),
            offer("g4dn.xlarge", "T4", 1, 16384, 4, null)));

    @Test
    void gpuTypesListCheapestFirstWithUnknownPricesLast() {
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(CATALOG, Map.of());
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("g6.xlarge", "g5.xlarge", "p4d.24xlarge", "g4dn.xlarge");
        assertThat(model.sourceProperty().get()).contains("4 GPU types").contains("read from AWS just now").contains("quota headroom unknown");
    }

    @Test
    void rowsHeldBackComeInPriceOrderFilteredAndCanBeFoundBeforeTheyAreShown() {
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.filterProperty().set("xlarge");
        model.show(CATALOG, Map.of(), 2);
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("g6.xlarge", "g5.xlarge");
        assertThat(model.sourceProperty().get()).startsWith("4 GPU types in us-east-1");
        assertThat(model.find("g4dn.xlarge")).as("a type not shown yet, to reselect").isNotNull();
        assertThat(model.showMore(1)).isFalse();
        assertThat(model.shownCount()).isEqualTo(3);
        assertThat(model.showMore(5)).isTrue();
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("g6.xlarge", "g5.xlarge", "p4d.24xlarge", "g4dn.xlarge");

        model.show(CATALOG, Map.of(), 1); // a refresh starts over
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("g6.xlarge");
        assertThat(model.showMore(Integer.MAX_VALUE)).isTrue();
        assertThat(model.rows()).hasSize(4);
    }

    @Test
    void theFilterMatchesNameModelAndMinimumGpuMemory() {
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(CATALOG, Map.of());
        model.filterProperty().set("a10g");
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("g5.xlarge");
        model.filterProperty().set("24gb");
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactlyInAnyOrder("g6.xlarge", "g5.xlarge", "p4d.24xlarge");
        model.filterProperty().set("nvidia xlarge 40gb"); // per GPU: the A100s have 40 each, 320 in all
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactly("p4d.24xlarge");
        model.filterProperty().set("  ");
        assertThat(model.rows()).hasSize(4);
    }

    @Test
    void quotaHeadroomMarksTypesThatDoNotFit() {
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(CATALOG, Map.of("g5", new Headroom("L-DB2E81BA", "Running On-Demand G and VT instances", 64, 62),
                "p4d", new Headroom("L-417A185B", "Running On-Demand P instances", 192, 0)));
        GpuTypeRow g5 = model.find("g5.xlarge");
        assertThat(g5.freeVcpus()).isEqualTo(2);
        assertThat(g5.fitsQuota()).isFalse();
        assertThat(g5.headroomText()).isEqualTo("2 vCPU free — too few");
        assertThat(model.find("p4d.24xlarge").fitsQuota()).isTrue();
        assertThat(model.find("g6.xlarge").freeVcpus()).isEqualTo(-1);
        assertThat(model.find("g6.xlarge").zones()).isEqualTo("2 (a b)");
    }

    @Test
    void imagesAreGroupedByFrameworkAndOsNewestFirstAndFilteredByArchitecture() {
        AmiViewModel model = new AmiViewModel(Clock.fixed(NOW, ZoneOffset.UTC));
        List<ImageInfo> images = List.of(
                image("ami-1", "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.4.1 (Ubuntu 22.04) 20240901", "x86_64", "2024-09-02T00:00:00Z", false),
                image("ami-2", "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20251101", "x86_64", "2025-11-02T00:00:00Z", false),
                image("ami-3", "Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) 20251101", "x86_64", "2026-11-20T00:00:00Z", false),
                image("ami-4", "Deep Learning ARM64 AMI GPU PyTorch 2.5.1 (Ubuntu 22.04)", "arm64", "2026-11-20T00:00:00Z", false),
                image("ami-5", "my-trainer-2026", "x86_64", "2026-10-01T00:00:00Z", true));

        Map<String, List<ImageInfo>> groups = model.groups(images, List.of("x86_64"));

        assertThat(groups.keySet()).containsExactly("PyTorch · Ubuntu 22.04", "Base · Amazon Linux 2023", "Your images");
        assertThat(groups.get("PyTorch · Ubuntu 22.04")).extracting(ImageInfo::imageId).containsExactly("ami-2", "ami-1");
        assertThat(model.age(images.get(2))).isEqualTo("6 days");
        assertThat(model.warning("ami-3")).isEmpty();
        assertThat(model.warning("ami-1")).contains("815 days old").contains("90 days");
        assertThat(model.warning("ami-0123456789abcdef0")).contains("the review checks");
        assertThat(model.warning("")).isEmpty();
    }

    @Test
    void bundledPricesAreNamedWithTheirDateInTheSourceLine() {
        String note = "prices from AWS's list of 1 May 2025 (offline copy)";
        GpuCatalog catalog = new GpuCatalog("us-east-1", NOW, "live", List.of(
                offer("g5.xlarge", "A10G", 1, 22888, 4, 1.006).pricedFrom(1.006, note),
                offer("g4dn.xlarge", "T4", 1, 16384, 4, 0.526).pricedFrom(0.526, note),
                offer("g4ad.xlarge", "Radeon Pro V520", 1, 8192, 4, null)));
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(catalog, Map.of());
        assertThat(model.sourceProperty().get()).contains("read from AWS just now · 2 " + note);
    }

    @Test
    void typesSortByFamilyThenSizeAsNumbersNotText() {
        GpuCatalog catalog = new GpuCatalog("us-east-1", NOW, "live", List.of(
                offer("g5.12xlarge", "A10G", 4, 91552, 48, null),
                offer("g5.2xlarge", "A10G", 1, 22888, 8, null),
                offer("g5.xlarge", "A10G", 1, 22888, 4, null),
                offer("g4dn.metal", "T4", 8, 131072, 96, null),
                offer("g5.48xlarge", "A10G", 8, 183104, 192, null),
                offer("g4dn.xlarge", "T4", 1, 16384, 4, null)));
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(catalog, Map.of());
        // Unknown prices all: the order is the types' own.
        assertThat(model.rows()).extracting(GpuTypeRow::name)
                .containsExactly("g4dn.xlarge", "g4dn.metal", "g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g5.48xlarge");
    }

    @Test
    void memoryPerGpuIsItsOwnValueAndTheFilterReadsIt() {
        // As moto and DescribeInstanceTypes report them: an A10G is 22,888 MiB (sold as 24 GB); the catalog holds the total.
        GpuCatalog catalog = new GpuCatalog("us-east-1", NOW, "live", List.of(
                offer("g5.xlarge", "A10G", 1, 22888, 4, 1.006),
                offer("g5.12xlarge", "A10G", 4, 91552, 48, 5.672),
                offer("g4dn.12xlarge", "T4", 4, 65536, 48, 3.912),
                offer("p4d.24xlarge", "A100", 8, 327680, 96, 32.77)));
        InstanceTypeViewModel model = new InstanceTypeViewModel();
        model.show(catalog, Map.of());
        assertThat(model.find("g5.12xlarge").gpuMemoryPerGpuGiB()).isEqualTo(22888 / 1024.0);
        assertThat(model.find("g5.12xlarge").gpuMemoryGiB()).isEqualTo(91552 / 1024.0);
        assertThat(InstanceTypeStepController.gib(model.find("g5.xlarge").gpuMemoryPerGpuGiB())).isEqualTo("22.4 GiB");
        assertThat(InstanceTypeStepController.gib(model.find("p4d.24xlarge").gpuMemoryPerGpuGiB())).isEqualTo("40 GiB");

        model.filterProperty().set("24gb");
        assertThat(model.rows()).extracting(GpuTypeRow::name).containsExactlyInAnyOrder("g5.xlarge", "g5.12xlarge", "p4d.24xlarge");
        model.filterProperty().set("16gb");
        assertThat(model.rows()).extracting(GpuTypeRow::name).contains("g4dn.12xlarge");
        model.filterProperty().set("64gb");
        assertThat(model.rows()).as("64 GiB is four T4s' total, not one's").isEmpty();
    }

    @Test
    void deepLearningAmisNamingTheirOsAnywhereAreGroupedByIt() {
        List<String[]> cases = List.of(
                new String[] {"Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.7 on Ubuntu 22.04 20250601", "PyTorch · Ubuntu 22.04"},
                new String[] {"Deep Learning Base AMI with Single CUDA Ubuntu-22.04 20250601", "Base · Ubuntu 22.04"},
                new String[] {"Deep Learning Base OSS Nvidia Driver GPU AMI AL2023 20250601", "Base · Amazon Linux 2023"},
                new String[] {"Deep Learning AMI (Amazon Linux 2) Version 69.1", "Multi-framework · Amazon Linux 2"},
                new String[] {"Deep Learning Proprietary Nvidia Driver AMI Amazon Linux 2 Version 78", "Other · Amazon Linux 2"},
                new String[] {"Deep Learning AMI Neuron PyTorch 1.13 (Ubuntu 20.04) 20240101", "PyTorch · Ubuntu 20.04"},
                new String[] {"Deep Learning AMI GPU TensorFlow 2.16 (Amazon Linux 2023) 20240601", "TensorFlow · Amazon Linux 2023"},
                new String[] {"Deep Learning AMI (DLAMI) JAX 0.4 Ubuntu 22.04", "JAX · Ubuntu 22.04"},
                // moto's own two, as the wizard lists them against it
                new String[] {"Deep Learning AMI Amazon Linux - 3.3_Oct2017", "Multi-framework · Amazon Linux"},
                new String[] {"Deep Learning AMI Ubuntu Linux - 2.4_Oct2017", "Multi-framework · Ubuntu"});
        for (String[] c : cases) {
            assertThat(image("ami-1", c[0], "x86_64", "2026-11-20T00:00:00Z", false).group()).as(c[0]).isEqualTo(c[1]);
        }
    }

    private static ImageInfo image(String id, String name, String arch, String created, boolean own) {
        return new ImageInfo(id, name, own ? "123456789012" : "898082745236", arch, Instant.parse(created), own);
    }

    @Test
    void launchEventsMoveEachStepAndTheRollbackIsListedStepByStep() {
        LaunchViewModel model = new LaunchViewModel();
        model.start("llama-1a2b3c", List.of(step("create-role", "Create IAM role"), step("run-instance", "Run the instance"),
                step("attach-data-volume", "Attach the data volume")));
        assertThat(model.rows()).extracting(LaunchRow::state).containsOnly(LaunchRow.State.PENDING);
        assertThat(model.runningProperty().get()).isTrue();

        model.on(new LaunchEvent.StepStarted("create-role", "Create IAM role"));
        model.on(new LaunchEvent.StepSucceeded("create-role", "Create IAM role", "hangar-llama-1a2b3c"));
        model.on(new LaunchEvent.Progress(1, 3));
        model.on(new LaunchEvent.StepStarted("run-instance", "Run the instance"));
        model.on(new LaunchEvent.StepWaiting("run-instance", "IAM is propagating"));
        assertThat(model.rows().get(1).state()).isEqualTo(LaunchRow.State.WAITING);
        model.on(new LaunchEvent.StepFailed("run-instance", "Run the instance", "InvalidParameterCombination"));
        model.on(new LaunchEvent.RollbackStarted("run-instance failed"));
        model.on(new LaunchEvent.ResourceRemoved("iam-role", "hangar-llama-1a2b3c"));
        model.on(new LaunchEvent.Finished(LaunchState.ROLLED_BACK, "everything it created was removed"));

        assertThat(model.rows()).extracting(LaunchRow::state).containsExactly(LaunchRow.State.DONE, LaunchRow.State.FAILED,
                LaunchRow.State.SKIPPED, LaunchRow.State.ROLLBACK, LaunchRow.State.REMOVED);
        assertThat(model.rows().get(0).detail()).isEqualTo("hangar-llama-1a2b3c");
        assertThat(model.rows().get(4).title()).isEqualTo("Removed iam-role hangar-llama-1a2b3c");
        assertThat(model.progressProperty().get()).isEqualTo(1.0 / 3);
        assertThat(model.progressTextProperty().get()).isEqualTo("1 of 3 steps");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.succeeded()).isFalse();
        assertThat(model.finishedProperty().get()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(model.log()).noneMatch(l -> l.contains("1/3")).anyMatch(l -> l.startsWith("Rolling back"));
    }

    @Test
    void closingDuringALaunchAsksThenCancelsAndSaysWhatTheRollbackHasLeftToRemove() {
        LaunchViewModel model = new LaunchViewModel();
        CloseGuard guard = new CloseGuard(model);
        int[] closed = {0};
        guard.onClose(() -> closed[0]++);
        assertThat(guard.closeRequested()).as("no launch").isEqualTo(CloseGuard.Decision.CLOSE);

        model.begin();
        model.activeProperty().set(true); // the background work started (the task's busy flag)
        model.start("llama-1a2b3c", List.of(step("create-role", "Create IAM role"), step("run-instance", "Run the instance")));
        model.on(new LaunchEvent.Progress(1, 2));
        assertThat(model.stillRunningProperty().get()).isEqualTo("Launching: 1 of 2 steps done…");
        assertThat(guard.closeRequested()).isEqualTo(CloseGuard.Decision.CONFIRM);

        guard.confirmed(); // not yet attached to a prepared launch: the cancel is kept for it
        assertThat(model.cancellingProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Cancelling");
        assertThat(guard.closeRequested()).isEqualTo(CloseGuard.Decision.WAIT);
        assertThat(model.stillRunningProperty().get()).startsWith("Cancelling the launch");

        model.on(new LaunchEvent.RollbackStarted("cancelled"));
        model.rollbackSize(3);
        model.on(new LaunchEvent.ResourceRemoved("instance", "i-1"));
        assertThat(model.stillRunningProperty().get()).isEqualTo("Removing what the launch created: 2 of 3 left…");
        assertThat(guard.closeRequested()).isEqualTo(CloseGuard.Decision.WAIT);

        model.on(new LaunchEvent.Finished(LaunchState.ROLLED_BACK, "cancelled; everything it created was removed."));
        assertThat(closed[0]).as("not before the background work returned").isZero();
        model.activeProperty().set(false);
        assertThat(closed[0]).isEqualTo(1);
    }

    @Test
    void closingDuringARollbackAfterAFailureDoesNotAskButWaitsForIt() {
        LaunchViewModel model = new LaunchViewModel();
        CloseGuard guard = new CloseGuard(model);
        model.begin();
        model.activeProperty().set(true);
        model.start("llama-1a2b3c", List.of(step("run-instance", "Run the instance")));
        model.on(new LaunchEvent.RollbackStarted("run-instance failed"));
        assertThat(model.cancellable()).isFalse();
        assertThat(guard.closeRequested()).isEqualTo(CloseGuard.Decision.WAIT);
        assertThat(model.stillRunningProperty().get()).isEqualTo("Removing what the launch created…");
    }

    private static Step step(String id, String title) {
        return new Step() {
            public String id() { return id; }
            public String title() { return title; }
            public List<String> dependsOn() { return List.of(); }
            public String apply(LaunchContext ctx) { return ""; }
        };
    }
}
