package dev.hangar.review;

import dev.hangar.blueprint.RunModel;
import dev.hangar.catalog.CostEstimate;
import dev.hangar.catalog.GpuInstanceType;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.checklist.Accelerator;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.ImageDriver;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What you are launching, at a glance: where, which machine and accelerator, from which image, how you get in, where
 * it sits, which data it reads, its disks, the run it starts and what it costs. Read from the review's spec, the GPU catalog, what
 * preflight (or the wizard's image list) saw of the image, and the cost estimate — nothing is asked of AWS again.
 *
 * @param availabilityZone the spec's zone; null when any zone that offers the type will do
 * @param zones            the zones that offer the type (the catalog's); empty when unknown
 * @param gpu              the type's GPUs as the catalog lists them; null for a type it does not list
 * @param accelerators     the type's accelerators in words ("8 × Habana Gaudi HL-205"); null for none or unknown
 * @param vcpus            null when the catalog does not list the type
 * @param memoryGiB        null when the catalog does not list the type
 * @param image            the image as far as it is known
 * @param perHour          running cost per hour, all included; null when the instance price is unknown
 * @param perMonth         a month of running around the clock; null when the instance price is unknown
 * @param run              the run the launch starts; null when it starts none
 */
public record LaunchSummary(String region, String availabilityZone, List<String> zones, String instanceType, Gpu gpu,
        String accelerators, Integer vcpus, Double memoryGiB, Market market, Tenancy tenancy, Image image, Access access,
        String sshCidr, String keyPair, boolean createKeyPair, NetworkMode network, String subnetId, boolean publicIp,
        String bucket, String prefix, String bucketAccess, int rootVolumeGiB, int dataVolumeGiB, boolean dataVolumeKept,
        Double perHour, Double perMonth, String priceSource, RunSummary run) {

    /** @param memoryPerGpuGiB each GPU's own memory (the catalog stores the type's total); a fractional GPU's slice */
    public record Gpu(String manufacturer, String model, int count, double memoryPerGpuGiB) {
    }

    /**
     * @param name    null when nobody read it (plan-only, or the image was not found)
     * @param created null when unknown
     * @param ageDays null when unknown
     * @param drivers the accelerator drivers its name and description show (empty: no hint)
     * @param found   whether the image exists; null when nobody asked (plan-only)
     */
    public record Image(String id, String name, Instant created, Long ageDays, Set<Accelerator> drivers, Boolean found) {
    }

    /** One line of the summary: what it is about, and what will be launched. */
    public record Row(String label, String value) {
    }

    public LaunchSummary {
        zones = List.copyOf(zones);
    }

    /** @param imageFound false when preflight did not find the image; null when it was not asked */
    static LaunchSummary of(LaunchSpec spec, Optional<GpuOffer> offer, AccountFacts facts, CostEstimate cost, Boolean imageFound,
            Clock clock, RunModel run) {
        GpuInstanceType type = offer.map(GpuOffer::type).orElse(null);
        Gpu gpu = type == null ? null : new Gpu(type.gpuManufacturer(), type.gpuModel(), type.gpuCount(),
                type.fractionalGpu() ? type.gpuMemoryGiB() : type.gpuMemoryGiB() / type.gpuCount());
        String accelerators = type != null ? Accelerator.devices(type.gpuCount(), type.gpuManufacturer(), type.gpuModel())
                : facts.acceleratorDevices();
        Instant created = facts.amiCreationDate();
        Long age = created == null ? null : Math.max(0, Duration.between(created, clock.instant()).toDays());
        Image image = new Image(spec.amiId(), facts.amiName(), created, age, ImageDriver.of(facts.amiName(), facts.amiDescription()),
                facts.amiName() != null ? Boolean.TRUE : imageFound);
        boolean hangarNetwork = spec.usesHangarNetwork();
        boolean publicIp = !hangarNetwork && (spec.network() == NetworkMode.PUBLIC || spec.associatePublicIp());
        return new LaunchSummary(spec.region(), spec.availabilityZone(), offer.map(GpuOffer::zones).orElse(List.of()),
                spec.instanceType(), gpu, accelerators, type == null ? null : type.vcpus(), type == null ? null : type.memoryGiB(),
                spec.market(), spec.tenancy(), image, spec.access(), spec.sshCidr(), spec.keyPair(), spec.createKeyPair(),
                spec.subnetId() == null ? spec.network() : null, spec.subnetId(), publicIp, spec.dataBucket(), spec.dataPrefix(),
                spec.bucketAccess().wireName(), spec.rootVolumeGiB(), spec.dataVolumeGiB(), !spec.deleteDataVolumeOnTermination(),
                cost.totalPerHour(), cost.totalPerMonth(), cost.priceSource(), RunSummary.of(run));
    }

    /** The summary as labelled lines, the same in the window and in a terminal. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Region", region + ", " + (availabilityZone != null ? "zone " + availabilityZone
                : zones.isEmpty() ? "any zone that offers " + instanceType
                : "any zone that offers " + instanceType + " (" + String.join(", ", zones) + ")")));
        rows.add(new Row("Instance", instance()));
        rows.add(new Row("Image", imageText()));
        rows.add(new Row("Access", access == Access.SSH
                ? "SSH from " + sshCidr + " with key pair " + keyPair + (createKeyPair ? " (created by the launch)" : "")
                : "Session Manager: no inbound port, no SSH key"));
        rows.add(new Row("Network", networkText()));
        rows.add(new Row("Data", "s3://" + bucket + "/" + (prefix == null ? "" : prefix) + ", " + bucketAccess));
        rows.add(new Row("Volumes", "root " + rootVolumeGiB + " GiB, data " + dataVolumeGiB + " GiB at /mnt/data, encrypted; data "
                + (dataVolumeKept ? "kept" : "deleted") + " when the instance is terminated"));
        if (run != null) {
            rows.add(new Row("Run", run.line()));
            rows.add(new Row("Run access", "the instance's role " + run.roleLine()));
        }
        rows.add(new Row("Cost", cost()));
        return rows;
    }

    /** The rows with their labels in a column, for a terminal. */
    public List<String> lines() {
        int width = rows().stream().mapToInt(r -> r.label().length()).max().orElse(0);
        return rows().stream().map(r -> r.label() + " ".repeat(width - r.label().length() + 2) + r.value()).toList();
    }

    private String instance() {
        StringBuilder s = new StringBuilder(instanceType);
        if (gpu != null) {
            s.append(": ").append(accelerators).append(", ").append(gib(gpu.memoryPerGpuGiB()))
                    .append(gpu.count() > 1 ? " memory per GPU" : " GPU memory");
        } else if (accelerators != null) {
            s.append(": ").append(accelerators);
        }
        if (vcpus != null) {
            s.append(" · ").append(vcpus).append(" vCPUs, ").append(gib(memoryGiB)).append(" RAM");
        }
        s.append(" · ").append(market == Market.SPOT ? "spot" : "on-demand");
        if (tenancy == Tenancy.DEDICATED) {
            s.append(", dedicated hardware");
        }
        return s.toString();
    }

    private String imageText() {
        if (image.name() == null) {
            return image.id() + (Boolean.FALSE.equals(image.found()) ? " (not found in " + region + ")" : " (its name and age are read in your account)");
        }
        String age = image.ageDays() == null ? "" : ", made " + LocalDate.ofInstant(image.created(), ZoneOffset.UTC) + " ("
                + ageInWords(image.ageDays()) + ")";
        return image.name() + " (" + image.id() + ")" + age;
    }

    private String networkText() {
        if (subnetId != null) {
            return "your subnet " + subnetId + (publicIp ? ", with a public IP address" : ", no public IP address");
        }
        return switch (network) {
            case PRIVATE -> "private: Hangar's network, no public IP, internet through a NAT gateway";
            case ISOLATED -> "isolated: Hangar's network, no public IP, no internet; AWS services through VPC endpoints";
            case PUBLIC -> "public: the region's default VPC, with a public IP address";
        };
    }

    private String cost() {
        if (perHour == null) {
            return "unknown: the price list has no price for " + instanceType;
        }
        String when = " (" + priceSource + " prices" + (market == Market.SPOT ? "; on-demand rate, spot is usually lower" : "") + ")";
        return String.format(Locale.ROOT, "$%.2f per hour, about $%,.0f per month if left running", perHour, perMonth) + when;
    }

    /** "today", "12 days old", "11 months old", "2 years old". */
    static String ageInWords(long days) {
        if (days < 1) {
            return "today";
        }
        if (days < 60) {
            return days + (days == 1 ? " day old" : " days old");
        }
        if (days < 730) {
            return days / 30 + " months old";
        }
        return days / 365 + " years old";
    }

    private static String gib(double value) {
        return Math.abs(value - Math.rint(value)) < 0.05 ? String.format(Locale.ROOT, "%.0f GiB", value)
                : String.format(Locale.ROOT, "%.1f GiB", value);
    }
}
