package io.github.coupapoexport.erp.sap;

import org.springframework.http.HttpHeaders;

/**
 * One answer of SAP, read whole.
 *
 * @param call the call as a message names it, e.g. {@code POST https://host/sap/.../A_PurchaseOrder}
 */
record SapResponse(String call, int status, HttpHeaders headers, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
