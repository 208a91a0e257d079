package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.AttributeValue;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

@ExtendWith(LocalAwsExtension.class)
class PricingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Filter> onDemandLinux(String instanceType, String tenancy) {
        return Map.of("instanceType", instanceType, "regionCode", "us-east-1", "operatingSystem", "Linux",
                        "tenancy", tenancy, "capacitystatus", "Used", "preInstalledSw", "NA")
                .entrySet().stream()
                .map(e -> Filter.builder().type(FilterType.TERM_MATCH).field(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /** terms.OnDemand.<sku>.<offerTermCode>.priceDimensions.<rateCode>.pricePerUnit.USD, as AWS's documents nest it. */
    private static BigDecimal hourlyUsd(String document) throws Exception {
        JsonNode doc = JSON.readTree(document);
        JsonNode term = doc.path("terms").path("OnDemand").elements().next().elements().next();
        JsonNode dimension = term.path("priceDimensions").elements().next();
        assertThat(dimension.path("unit").asText()).isEqualTo("Hrs");
        return new BigDecimal(dimension.path("pricePerUnit").path("USD").asText());
    }

    @Test
    void getProductsAnswersOneProductPerFullySpecifiedFilter(LocalAws aws) throws Exception {
        PricingClient pricing = aws.clients().pricing();

        GetProductsResponse r = pricing.getProducts(b -> b.serviceCode("AmazonEC2").formatVersion("aws_v1")
                .filters(onDemandLinux("g5.xlarge", "Shared")));

        assertThat(r.formatVersion()).isEqualTo("aws_v1");
        assertThat(r.priceList()).hasSize(1);
        JsonNode product = JSON.readTree(r.priceList().get(0)).path("product").path("attributes");
        assertThat(product.path("instanceType").asText()).isEqualTo("g5.xlarge");
        assertThat(product.path("regionCode").asText()).isEqualTo("us-east-1");
        assertThat(product.path("location").asText()).isEqualTo("US East (N. Virginia)");
        assertThat(hourlyUsd(r.priceList().get(0))).isEqualByComparingTo("1.006");
        RecordedRequest call = aws.endpoint().requests("pricing", "GetProducts").get(0);
        assertThat(call.params()).containsEntry("ServiceCode", "AmazonEC2").containsKey("Filters.6.Value");
    }

    @Test
    void dedicatedTenancyCostsTenPercentMore(LocalAws aws) throws Exception {
        GetProductsResponse r = aws.clients().pricing().getProducts(b -> b.serviceCode("AmazonEC2")
                .filters(onDemandLinux("p5.48xlarge", "Dedicated")));

        assertThat(hourlyUsd(r.priceList().get(0))).isEqualByComparingTo("108.152");
    }

    @Test
    void configuredPricesAndPagination(LocalAws aws) throws Exception {
        aws.pricing().setPrice("us-west-2", "g6.xlarge", "0.8048");
        PricingClient pricing = aws.clients().pricing();

        List<String> all = pricing.getProductsPaginator(b -> b.serviceCode("AmazonEC2").maxResults(2)
                .filters(Filter.builder().type(FilterType.TERM_MATCH).field("regionCode").value("us-west-2").build()))
                .priceList().stream().toList();

        assertThat(all).hasSize(6); // Shared/Dedicated x Used/UnusedCapacityReservation/AllocatedCapacityReservation
        assertThat(JSON.readTree(all.get(0)).path("product").path("attributes").path("location").asText())
                .isEqualTo("US West (Oregon)");
    }

    @Test
    void describeServicesAndAttributeValues(LocalAws aws) {
        PricingClient pricing = aws.clients().pricing();

        assertThat(pricing.describeServices(b -> b.serviceCode("AmazonEC2")).services().get(0).attributeNames())
                .contains("instanceType", "regionCode", "tenancy", "capacitystatus", "preInstalledSw");
        assertThat(pricing.getAttributeValues(b -> b.serviceCode("AmazonEC2").attributeName("instanceType"))
                .attributeValues()).extracting(AttributeValue::value)
                .containsExactly("g5.2xlarge", "g5.xlarge", "g6.xlarge", "p4d.24xlarge", "p5.48xlarge");
    }
}
