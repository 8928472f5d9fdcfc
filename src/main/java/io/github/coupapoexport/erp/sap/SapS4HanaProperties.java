package io.github.coupapoexport.erp.sap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.Endpoint;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code erp.sap.*} keys of the SAP S/4HANA adapter: where the system and its purchase order service are, the
 * communication user or OAuth 2.0 client, and the header and item data SAP needs that Coupa does not hold.
 *
 * @param baseUrl the base URL of the SAP system, e.g. {@code https://my000000-api.s4hana.ondemand.com}
 * @param servicePath the path of the OData V2 service {@code API_PURCHASEORDER_PROCESS_SRV} on that system
 * @param username the communication user of the communication arrangement (SAP_COM_0053), for Basic credentials
 * @param password that user's password
 * @param connectTimeout how long an SAP call waits for a connection
 * @param readTimeout how long an SAP call waits for its answer
 * @param retry the backoff for 408, 412, 429, 5xx, timeouts and refused connections (4 retries unless set)
 * @param numbering {@code internal}: SAP numbers the PO and the Coupa PO number goes in its "Your Reference"
 * ({@code CorrespncExternalReference}), which the adapter looks up before a create; {@code external}: the Coupa PO
 * number is the SAP PO number (the PO type needs an external number range that takes it)
 * @param companyCode the company code of every PO
 * @param purchasingOrganization the purchasing organisation of every PO
 * @param purchasingGroup the purchasing group of every PO
 * @param purchaseOrderType the PO type, e.g. {@code NB} (standard)
 * @param plant the plant of every item, unless {@code plants-by-ship-to} names one for the PO's ship-to address
 * @param taxCode the tax code of every item, if SAP needs one
 * @param accountAssignmentCategory the account assignment category of every item with a Coupa account, e.g.
 * {@code K} (cost center)
 * @param costCenter the cost center of every account assignment, unless
 * {@code erp.sap.account-segments.cost-center} takes it from the account
 * @param accountSegments which part of a Coupa account is the G/L account, the cost center, the WBS element and the
 * profit center
 * @param materialGroup the material group of every item (SAP needs one for an item without a material)
 * @param amountLineUnit the order unit of a Coupa amount line, sent as quantity 1 at the line's amount
 * @param oauth2 OAuth 2.0 client credentials instead of the user and password
 * @param plantsByShipTo the plant of the items of a PO shipped to an address, by the ship-to address's name in Coupa,
 * e.g. {@code erp.sap.plants-by-ship-to.[Berlin Warehouse]=1710}
 */
@ConfigurationProperties("erp.sap")
public record SapS4HanaProperties(
        String baseUrl,
        @DefaultValue(SapS4HanaProperties.SERVICE_PATH) String servicePath,
        String username,
        Secret password,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue @NestedConfigurationProperty RetrySettings retry,
        @DefaultValue(SapS4HanaProperties.INTERNAL) String numbering,
        String companyCode,
        String purchasingOrganization,
        String purchasingGroup,
        @DefaultValue("NB") String purchaseOrderType,
        String plant,
        String taxCode,
        @DefaultValue("K") String accountAssignmentCategory,
        String costCenter,
        @DefaultValue @NestedConfigurationProperty SapAccountSegments accountSegments,
        String materialGroup,
        @DefaultValue("EA") String amountLineUnit,
        @DefaultValue @NestedConfigurationProperty SapOAuth2 oauth2,
        Map<String, String> plantsByShipTo) implements CheckedSettings, Endpoint {

    static final String SERVICE_PATH = "/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV";

    static final String INTERNAL = "internal";

    static final String EXTERNAL = "external";

    private static final String PREFIX = "erp.sap";

    /** As many as the REST adapter's, where {@code erp.sap.retry.max-retries} is not set. */
    static final int DEFAULT_MAX_RETRIES = 4;

    public SapS4HanaProperties {
        retry = retry.orMaxRetries(DEFAULT_MAX_RETRIES);
        oauth2 = oauth2 == null ? SapOAuth2.none() : oauth2;
        plantsByShipTo = plantsByShipTo == null ? Map.of() : Map.copyOf(plantsByShipTo);
    }

    /** The plant of the items of a PO shipped to this address: its own, if configured, else every PO's. */
    String plantFor(ErpPurchaseOrder.ShipTo shipTo) {
        String named = shipTo == null || shipTo.name() == null ? null : plantsByShipTo.get(shipTo.name().trim());
        return named == null ? plant : named;
    }

    /** Whether the Coupa PO number is the SAP PO number. */
    boolean externalNumbering() {
        return EXTERNAL.equals(numbering);
    }

    /** The service's root URL, without a trailing slash. */
    String serviceRoot() {
        String path = servicePath.startsWith("/") ? servicePath : "/" + servicePath;
        return root() + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    @Override
    public SettingsArea area() {
        return SettingsArea.ERP;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(baseUrlProblems(PREFIX, " (the SAP system, https://<host>)",
                "https:// or http://"));
        boolean basic = username != null && !username.isBlank() || password != null && !password.isBlank();
        if (oauth2.configured()) {
            problems.addAll(oauth2.problems());
            if (basic) {
                problems.add(PREFIX + ".username/password and " + PREFIX + ".oauth2.* are both set: the adapter "
                        + "signs in one way");
            }
        }
        else {
            if (username == null || username.isBlank()) {
                problems.add(PREFIX + ".username is required (the communication user of SAP_COM_0053), or "
                        + PREFIX + ".oauth2.* for OAuth 2.0");
            }
            if (password == null || password.isBlank()) {
                problems.add(PREFIX + ".password is required");
            }
        }
        if (!INTERNAL.equals(numbering) && !EXTERNAL.equals(numbering)) {
            problems.add(PREFIX + ".numbering must be internal or external (was '" + numbering + "')");
        }
        required(problems, "company-code", companyCode, 4);
        required(problems, "purchasing-organization", purchasingOrganization, 4);
        required(problems, "purchasing-group", purchasingGroup, 3);
        required(problems, "purchase-order-type", purchaseOrderType, 4);
        required(problems, "plant", plant, 4);
        plantsByShipTo.forEach((shipTo, named) -> required(problems, "plants-by-ship-to.[" + shipTo + "]", named, 4));
        required(problems, "account-assignment-category", accountAssignmentCategory, 1);
        required(problems, "amount-line-unit", amountLineUnit, 3);
        optional(problems, "tax-code", taxCode, 2);
        optional(problems, "cost-center", costCenter, 10);
        optional(problems, "material-group", materialGroup, 9);
        problems.addAll(accountSegments.problems());
        if (costCenter != null && !costCenter.isBlank() && accountSegments.costCenter() != null
                && !accountSegments.costCenter().isBlank()) {
            problems.add(PREFIX + ".cost-center and " + PREFIX + ".account-segments.cost-center are both set: the"
                    + " cost center comes from one of them");
        }
        problems.addAll(retry.problems(PREFIX + ".retry"));
        return problems;
    }

    private static void required(List<String> problems, String key, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(PREFIX + "." + key + " is required");
        }
        else {
            optional(problems, key, value, maxLength);
        }
    }

    /** SAP's own length of the field, so that a value too long is told at start and not by every PO. */
    private static void optional(List<String> problems, String key, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(PREFIX + "." + key + " has at most " + maxLength + " characters in SAP (was '" + value
                    + "')");
        }
    }
}
