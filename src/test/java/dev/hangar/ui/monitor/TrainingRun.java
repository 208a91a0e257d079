package dev.hangar.ui.monitor;

import dev.hangar.testing.LocalAws;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * The last hour of a fine-tuning run, as EC2 and the CloudWatch agent would report it minute by minute:
 * the data set comes down first (network in, CPU busy, GPU idle), then the GPU trains flat out with
 * a checkpoint uploaded every quarter hour. Deterministic, so the screenshot is the same every run.
 */
final class TrainingRun {

    static final int MINUTES = 55;
    private static final int DOWNLOAD_MINUTES = 8;
    private static final double GPU_MEMORY_MIB = 24_576;

    private TrainingRun() {
    }

    static void put(LocalAws aws, String instanceId, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTES, ChronoUnit.MINUTES);
        put(aws, "AWS/EC2", "CPUUtilization", instanceId, first, StandardUnit.PERCENT,
                m -> loading(m) ? 70 + 12 * wave(m, 3) : 28 + 6 * wave(m, 7));
        put(aws, "AWS/EC2", "NetworkIn", instanceId, first, StandardUnit.BYTES,
                m -> loading(m) ? 330e6 + 40e6 * wave(m, 2) : 2e6 + 1e6 * wave(m, 5));
        put(aws, "AWS/EC2", "NetworkOut", instanceId, first, StandardUnit.BYTES,
                m -> !loading(m) && m % 15 == 14 ? 180e6 : 1.2e6 + 0.5e6 * wave(m, 4));
        put(aws, "CWAgent", "nvidia_smi_utilization_gpu", instanceId, first, StandardUnit.PERCENT,
                m -> loading(m) ? 2 : m % 15 == 14 ? 71 : 95 + 3 * wave(m, 6));
        put(aws, "CWAgent", "nvidia_smi_memory_used", instanceId, first, StandardUnit.MEGABYTES,
                m -> loading(m) ? 410 : 19_300 + 250 * wave(m, 9));
        put(aws, "CWAgent", "nvidia_smi_memory_total", instanceId, first, StandardUnit.MEGABYTES, m -> GPU_MEMORY_MIB);
        put(aws, "CWAgent", "nvidia_smi_utilization_memory", instanceId, first, StandardUnit.PERCENT,
                m -> loading(m) ? 0 : 58 + 7 * wave(m, 5));
    }

    private static boolean loading(int minute) {
        return minute < DOWNLOAD_MINUTES;
    }

    /** Between -1 and 1, smooth but not regular. */
    private static double wave(int minute, int period) {
        return 0.7 * Math.sin(2 * Math.PI * minute / period) + 0.3 * Math.sin(minute * 1.7);
    }

    private static void put(LocalAws aws, String namespace, String metric, String instanceId, Instant first, StandardUnit unit,
            IntToDoubleFunction value) {
        List<MetricDatum> data = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            data.add(MetricDatum.builder().metricName(metric).dimensions(d -> d.name("InstanceId").value(instanceId))
                    .timestamp(first.plus(m, ChronoUnit.MINUTES)).value(value.applyAsDouble(m)).unit(unit).build());
        }
        // Uncompressed: the SDK gzips a large PutMetricData body, which the test endpoint does not read.
        aws.clients().cloudWatch(LocalAws.REGION).putMetricData(r -> r.namespace(namespace).metricData(data)
                .overrideConfiguration(o -> o.compressionConfiguration(c -> c.requestCompressionEnabled(false))));
    }
}
