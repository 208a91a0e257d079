package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListParseTest {

    private static String product(String type, String usd, String unit) {
        return """
                {"product":{"attributes":{"instanceType":"%s","regionCode":"us-east-1"}},
                 "terms":{"OnDemand":{"SKU.JRTCKXETXF":{"priceDimensions":{"SKU.JRTCKXETXF.6YS6EN2CT7":
                   {"unit":"%s","pricePerUnit":{"USD":"%s"}}}}}}}""".formatted(type, unit, usd);
    }

    @Test
    void readsTheHourlyOnDemandPrice() {
        Map<String, Double> prices = new HashMap<>();
        PriceList.parse(product("g5.xlarge", "1.0060000000", "Hrs"), prices);
        assertThat(prices).containsEntry("g5.xlarge", 1.006);
    }

    @Test
    void readsTheBulkFileNestingToo() {
        Map<String, Double> prices = new HashMap<>();
        PriceList.parse("""
                {"product":{"attributes":{"instanceType":"p4d.24xlarge"}},
                 "terms":{"OnDemand":{"SKU":{"SKU.JRTCKXETXF":{"priceDimensions":{"SKU.JRTCKXETXF.6YS6EN2CT7":
                   {"unit":"Hrs","pricePerUnit":{"USD":"32.7726000000"}}}}}}}}""", prices);
        assertThat(prices).containsEntry("p4d.24xlarge", 32.7726);
    }

    @Test
    void skipsZeroPricesOtherUnitsAndGarbage() {
        Map<String, Double> prices = new HashMap<>();
        PriceList.parse(product("g5.xlarge", "0.0000000000", "Hrs"), prices);
        PriceList.parse(product("g6.xlarge", "5", "Quantity"), prices);
        PriceList.parse("{not json", prices);
        PriceList.parse(product("g4dn.xlarge", "abc", "Hrs"), prices);
        assertThat(prices).isEmpty();
    }
}
