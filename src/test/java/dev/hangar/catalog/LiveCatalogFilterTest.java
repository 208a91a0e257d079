package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/** The filtered DescribeInstanceTypes read lists exactly the GPU types the unfiltered read did. */
@ExtendWith(LocalAwsExtension.class)
class LiveCatalogFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1"})
    void theFilteredReadListsTheSameGpuTypesAsReadingEveryType(String region, LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(region);

        List<InstanceTypeInfo> all = ec2.describeInstanceTypesPaginator(r -> { }).instanceTypes().stream().toList();
        int allPages = aws.endpoint().count("ec2", "DescribeInstanceTypes");
        aws.endpoint().clearRecord();
        List<InstanceTypeInfo> sent = LiveCatalog.accelerated(ec2).toList();
        int sentPages = aws.endpoint().count("ec2", "DescribeInstanceTypes");

        Set<String> before = gpuTypes(all);
        assertThat(before).contains("p4d.24xlarge", "g5.xlarge", "g6e.xlarge", "g6f.large", "gr6.4xlarge", "p5en.48xlarge", "dl1.24xlarge");
        assertThat(gpuTypes(sent)).isEqualTo(before);
        assertThat(sent.size()).as("the filters shrink the answer").isLessThan(all.size());
        System.out.printf("[LiveCatalogFilterTest] %s: DescribeInstanceTypes sent %d types in %d request(s) unfiltered,"
                + " %d types in %d request(s) filtered; %d GPU types either way%n",
                region, all.size(), allPages, sent.size(), sentPages, before.size());

        // The catalog's own read asks with the filters and lists only types from that set.
        aws.endpoint().clearRecord();
        GpuCatalog catalog = new LiveCatalog(aws.clients(), Clock.systemUTC()).load(region);
        assertThat(catalog.offers()).isNotEmpty().allMatch(o -> before.contains(o.type().name()));
        List<RecordedRequest> reads = aws.endpoint().requests("ec2", "DescribeInstanceTypes");
        assertThat(reads).isNotEmpty().allSatisfy(r -> assertThat(filters(r)).isEqualTo(Map.of(
                "current-generation", List.of("true"),
                "instance-type", List.of("g*", "p*", "dl*"))));
    }

    private static Set<String> gpuTypes(List<InstanceTypeInfo> types) {
        return types.stream().filter(LiveCatalog::isCurrentGpu).map(InstanceTypeInfo::instanceTypeAsString).collect(Collectors.toSet());
    }

    /** The EC2 query's Filter.N.Name / Filter.N.Value.M parameters as name to values. */
    private static Map<String, List<String>> filters(RecordedRequest r) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (int n = 1; r.param("Filter." + n + ".Name") != null; n++) {
            List<String> values = new ArrayList<>();
            for (int m = 1; r.param("Filter." + n + ".Value." + m) != null; m++) {
                values.add(r.param("Filter." + n + ".Value." + m));
            }
            filters.put(r.param("Filter." + n + ".Name"), values);
        }
        return filters;
    }
}
