package dev.hangar.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Every chart series of many instances of one region in one GetMetricData call: one query per
 * CloudWatch metric per instance, in chunks that stay within AWS's limits (500 queries per call, and
 * few enough points that no answer needs a second page).
 */
final class MetricsReader {

    static final int MAX_QUERIES_PER_CALL = 500;
    /** AWS pages a GetMetricData answer beyond this many data points. */
    static final int MAX_POINTS_PER_PAGE = 100_800;

    static final String EC2 = "AWS/EC2";
    /** The CloudWatch agent's namespace; Hangar's user data aggregates its GPU metrics by InstanceId alone. */
    static final String AGENT = "CWAgent";

    /** What is asked of CloudWatch for each instance. */
    enum Query {
        CPU(EC2, "CPUUtilization", "Average"),
        NETWORK_IN(EC2, "NetworkIn", "Sum"),
        NETWORK_OUT(EC2, "NetworkOut", "Sum"),
        GPU_UTILIZATION(AGENT, "nvidia_smi_utilization_gpu", "Average"),
        GPU_MEMORY_USED(AGENT, "nvidia_smi_memory_used", "Average"),
        GPU_MEMORY_TOTAL(AGENT, "nvidia_smi_memory_total", "Average"),
        GPU_MEMORY_ACTIVITY(AGENT, "nvidia_smi_utilization_memory", "Average");

        final String namespace;
        final String metricName;
        final String stat;

        Query(String namespace, String metricName, String stat) {
            this.namespace = namespace;
            this.metricName = metricName;
            this.stat = stat;
        }
    }

    private MetricsReader() {
    }

    /** How many instances one call serves for this window. */
    static int instancesPerCall(MetricWindow window) {
        int queries = Math.min(MAX_QUERIES_PER_CALL, MAX_POINTS_PER_PAGE / window.pointsPerSeries());
        return Math.max(1, queries / Query.values().length);
    }

    /** @return each instance's series, every {@link InstanceMetric} present (empty when there is no data) */
    static Map<String, Map<InstanceMetric, MetricSeries>> read(CloudWatchClient cloudWatch, List<String> instanceIds, MetricWindow window,
            Instant now) {
        long period = window.periodSeconds();
        Instant end = Instant.ofEpochSecond((now.getEpochSecond() / period + 1) * period); // aligned: stable points between refreshes
        Instant start = end.minus(window.length());
        Map<String, Map<InstanceMetric, MetricSeries>> result = new LinkedHashMap<>();
        int perCall = instancesPerCall(window);
        for (int from = 0; from < instanceIds.size(); from += perCall) {
            List<String> chunk = instanceIds.subList(from, Math.min(instanceIds.size(), from + perCall));
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                String instanceId = chunk.get(i);
                for (Query q : Query.values()) {
                    queries.add(MetricDataQuery.builder().id(queryId(i, q)).returnData(true)
                            .metricStat(s -> s.period((int) period).stat(q.stat).metric(m -> m.namespace(q.namespace).metricName(q.metricName)
                                    .dimensions(d -> d.name("InstanceId").value(instanceId))))
                            .build());
                }
            }
            GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(queries).build();
            Map<String, List<Instant>> times = new HashMap<>();
            Map<String, List<Double>> values = new HashMap<>();
            // The paginator follows NextToken, which the chunk size keeps from being needed.
            for (MetricDataResult r : cloudWatch.getMetricDataPaginator(request).metricDataResults()) {
                times.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.timestamps());
                values.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.values());
            }
            for (int i = 0; i < chunk.size(); i++) {
                Map<Query, MetricSeries> raw = new EnumMap<>(Query.class);
                for (Query q : Query.values()) {
                    String id = queryId(i, q);
                    raw.put(q, MetricSeries.sorted(times.getOrDefault(id, List.of()), values.getOrDefault(id, List.of())));
                }
                result.put(chunk.get(i), series(raw));
            }
        }
        return result;
    }

    private static Map<InstanceMetric, MetricSeries> series(Map<Query, MetricSeries> raw) {
        Map<InstanceMetric, MetricSeries> out = new EnumMap<>(InstanceMetric.class);
        out.put(InstanceMetric.CPU_UTILIZATION, raw.get(Query.CPU));
        out.put(InstanceMetric.NETWORK_IN, raw.get(Query.NETWORK_IN));
        out.put(InstanceMetric.NETWORK_OUT, raw.get(Query.NETWORK_OUT));
        out.put(InstanceMetric.GPU_UTILIZATION, raw.get(Query.GPU_UTILIZATION));
        out.put(InstanceMetric.GPU_MEMORY_USED, percent(raw.get(Query.GPU_MEMORY_USED), raw.get(Query.GPU_MEMORY_TOTAL)));
        out.put(InstanceMetric.GPU_MEMORY_ACTIVITY, raw.get(Query.GPU_MEMORY_ACTIVITY));
        return out;
    }

    /** used / total × 100 at the timestamps both have. */
    static MetricSeries percent(MetricSeries used, MetricSeries total) {
        Map<Instant, Double> totals = new HashMap<>();
        for (int i = 0; i < total.size(); i++) {
            totals.put(total.timestamps().get(i), total.values().get(i));
        }
        List<Instant> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            Double of = totals.get(used.timestamps().get(i));
            if (of != null && of > 0) {
                t.add(used.timestamps().get(i));
                v.add(100 * used.values().get(i) / of);
            }
        }
        return new MetricSeries(t, v);
    }

    /** CloudWatch IDs start with a lower-case letter and are unique within a call. */
    private static String queryId(int instance, Query q) {
        return "i" + instance + "_" + q.name().toLowerCase(java.util.Locale.ROOT);
    }
}
