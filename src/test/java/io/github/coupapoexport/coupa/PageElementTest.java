package io.github.coupapoexport.coupa;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Each element of a page binds on its own; one that does not bind says which field and what Coupa sent in it. */
class PageElementTest {

    /** As CoupaClientConfiguration configures Coupa's JSON. */
    private final JsonMapper coupaJson = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 7, "version": "two"} | the field 'version' holds the text 'two' where a whole number up to 2147483647 belongs
            {"id": 7, "po-number": {"x": 1}} | the field 'po-number' holds an object where text belongs
            {"id": 7, "order-lines": {"id": 1}} | the field 'order-lines' holds an object where a list belongs
            {"id": 7, "order-lines": [{"id": 1}, {"id": 2, "line-num": "2", "price": [5]}]} | the field 'order-lines[1].price' (line 2) holds a list where text belongs
            {"id": 7, "order-lines": [{"id": 1, "line-num": {"n": 1}}]} | the field 'order-lines[0].line-num' holds an object where text belongs
            {"id": 7, "order-lines": [{"id": true}]} | the field 'order-lines[0].id' holds the value true where a whole number up to 9223372036854775807 belongs
            {"id": 7, "currency": "USD"} | the field 'currency' holds the text 'USD' where an object belongs
            {"id": 7, "exported": "perhaps"} | the field 'exported' holds the text 'perhaps' where true or false belongs
            """)
    void poThatDoesNotBindIsReadInPartWithTheProblemInWords(String element, String problem) {
        CoupaPurchaseOrder po = read(element);

        assertThat(po.readable()).isFalse();
        assertThat(po.id()).isEqualTo(7);
        assertThat(po.unreadable()).isEqualTo(problem);
    }

    @Test
    void headerFieldsOfTheRightTypeAreKeptFromAPoThatDoesNotBind() {
        CoupaPurchaseOrder po = read("""
                {"id": "7", "po-number": "PO-7", "version": 3, "status": "issued", "updated-at": "2026-03-05T11:02:44Z",
                 "supplier": 12}""");

        assertThat(po).isEqualTo(CoupaPurchaseOrder.partlyRead(7, "PO-7", 3, "issued", "2026-03-05T11:02:44Z",
                "the field 'supplier' holds the number 12 where an object belongs"));
    }

    @Test
    void numbersStayAsCoupaWroteThemAndTheProblemIsNeverReadFromCoupa() {
        CoupaPurchaseOrder po = read("""
                {"id": 7, "total": 1250.0000, "order-lines": [{"id": 1, "price": 1E+1000000000}], "unreadable": "no"}""");

        assertThat(po.readable()).isTrue();
        assertThat(po.total()).isEqualTo("1250.0000");
        assertThat(po.orderLines().get(0).price()).isEqualTo("1E+1000000000");
    }

    @Test
    void elementWithoutAReadableIdHasNoPoButASnippet() {
        List<PageElement> page = coupaJson.readValue("""
                [null, {"po-number": "PO-8"}, {"id": [8], "po-number": "PO-8"}, "text"]""", new TypeReference<>() {
        });

        assertThat(page.get(0)).isNull();
        assertThat(page.subList(1, 4)).extracting(PageElement::purchaseOrder).containsOnlyNulls();
        assertThat(page.subList(1, 4)).extracting(PageElement::snippet)
            .containsExactly("{\"po-number\":\"PO-8\"}", "{\"id\":[8],\"po-number\":\"PO-8\"}", "\"text\"");
    }

    private CoupaPurchaseOrder read(String element) {
        List<PageElement> page = coupaJson.readValue("[" + element + "]", new TypeReference<>() {
        });
        return page.get(0).purchaseOrder();
    }
}
