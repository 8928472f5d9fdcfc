package io.github.coupapoexport.foundation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpObservationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/purchase_orders/4821                                 | /api/purchase_orders/{id}
            /api/integration_runs/7/success                           | /api/integration_runs/{id}/success
            /oauth2/token                                             | /oauth2/token
            /v1/purchase-orders                                       | /v1/purchase-orders
            /purchase-orders/coupa-4821-1-2026-03-02T09:20:11-08:00   | /purchase-orders/{id}
            /sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/A_PurchaseOrder('4500000017') | /sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/{id}
            /po/PO%2F2026                                             | /po/{id}
            ''                                                        | /
            """)
    void pathBecomesATemplateWithoutIdsOrPoNumbers(String path, String template) {
        // when / then
        assertThat(HttpObservations.template(path == null ? "" : path)).isEqualTo(template);
    }
}
