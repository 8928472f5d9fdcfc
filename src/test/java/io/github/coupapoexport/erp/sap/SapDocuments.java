package io.github.coupapoexport.erp.sap;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.observation.ObservationRegistry;

/** The adapter as the application builds it against a {@link FakeSap}, and the documents the tests send it. */
final class SapDocuments {

    static final int MAX_RETRIES = 2;

    /** As without {@code erp.sap.account-segments.*}: the whole account code is the G/L account. */
    static final SapAccountSegments WHOLE_CODE = new SapAccountSegments("code", null, null, null);

    private SapDocuments() {
    }

    static FakeSap startedSap(boolean externalNumbering) {
        try {
            return new FakeSap(externalNumbering).start();
        }
        catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    /** With short delays and a read timeout a test can wait for. */
    static SapS4HanaProperties settings(FakeSap sap, String servicePath, String password) {
        return new SapS4HanaProperties(sap.baseUrl(), servicePath, FakeSap.USER, new Secret(password),
                Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetrySettings(MAX_RETRIES, Duration.ofMillis(5), Duration.ofMillis(20)),
                sap.externalNumbering() ? SapS4HanaProperties.EXTERNAL : SapS4HanaProperties.INTERNAL, "1010",
                "1010", "001", "NB", "1010", null, "K", "10101101", SapDocuments.WHOLE_CODE, null, "EA", null, null);
    }

    /** With the account's segments mapped to SAP's fields, and no cost center for every assignment. */
    static SapS4HanaProperties settings(FakeSap sap, SapAccountSegments segments) {
        SapS4HanaProperties plain = settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD);
        return copy(plain, plain.username(), plain.password(), null, segments, plain.oauth2(), plain.plantsByShipTo());
    }

    /** The same settings, signing in with these credentials: a user and password, or an OAuth 2.0 client. */
    static SapS4HanaProperties signingIn(SapS4HanaProperties plain, String username, Secret password,
            SapOAuth2 oauth2) {
        return copy(plain, username, password, plain.costCenter(), plain.accountSegments(), oauth2,
                plain.plantsByShipTo());
    }

    /** The same settings, with a plant per ship-to address. */
    static SapS4HanaProperties withPlants(SapS4HanaProperties plain, Map<String, String> plants) {
        return copy(plain, plain.username(), plain.password(), plain.costCenter(), plain.accountSegments(),
                plain.oauth2(), plants);
    }

    private static SapS4HanaProperties copy(SapS4HanaProperties plain, String username, Secret password,
            String costCenter, SapAccountSegments segments, SapOAuth2 oauth2, Map<String, String> plants) {
        return new SapS4HanaProperties(plain.baseUrl(), plain.servicePath(), username, password,
                plain.connectTimeout(), plain.readTimeout(), plain.retry(), plain.numbering(), plain.companyCode(),
                plain.purchasingOrganization(), plain.purchasingGroup(), plain.purchaseOrderType(), plain.plant(),
                plain.taxCode(), plain.accountAssignmentCategory(), costCenter, segments, plain.materialGroup(),
                plain.amountLineUnit(), oauth2, plants);
    }

    static SapS4HanaErp adapter(SapS4HanaProperties settings) {
        return new SapS4HanaConfiguration().sapS4HanaErp(new SettingsCheck(List.of(settings)), settings,
                ObservationRegistry.NOOP);
    }

    static SapS4HanaErp adapter(FakeSap sap) {
        return adapter(settings(sap, FakeSap.SERVICE, FakeSap.PASSWORD));
    }

    static ErpPurchaseOrder document(ErpAction action, String requester, Line... lines) {
        return new ErpPurchaseOrder("coupa", 4821, "4821", 1, action, "issued", "USD", "1250.00",
                new ErpPurchaseOrder.Supplier("SUP-0077", "Acme Industrial"), "NT45", null, requester,
                List.of(lines));
    }

    static Line gloves(String quantity) {
        return new Line("1", 15001, "QUANTITY", "Safety gloves, L", quantity, "EA", "5.00", "250.00",
                LocalDate.of(2026, 3, 20), "61000000", "Safety Equipment", false);
    }

    static Line installation(String description) {
        return new Line("2", 15002, "AMOUNT", description, null, null, "1000.00", "1000.00", null, null, "Services",
                false);
    }
}
