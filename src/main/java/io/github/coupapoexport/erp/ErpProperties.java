package io.github.coupapoexport.erp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code erp.*} keys every adapter shares; each adapter binds its own keys beside it.
 *
 * @param type which adapter speaks to the ERP: {@value #REST}, the REST contract (README "REST ERP"), or
 * {@value #SAP_S4HANA}, SAP S/4HANA's purchase order service (README "The SAP S/4HANA adapter"), or
 * {@value #STAGING_TABLES}, rows in the interface tables an ERP's import program reads (README "The staging-tables
 * adapter")
 * @param outageThreshold after this many POs in a row whose retries all failed, the ERP counts as down and the job
 * fails (exit 1, resumable) instead of recording every remaining PO as failed
 * @param verdictOverdue for an ERP that imports later: a PO still without a verdict this long after it was queued
 * counts as failing (exit 3) and is named in every run's log, until its verdict is in
 */
@ConfigurationProperties("erp")
public record ErpProperties(
        @DefaultValue(ErpProperties.REST) String type,
        @DefaultValue("3") int outageThreshold,
        @DefaultValue("2d") Duration verdictOverdue) implements CheckedSettings {

    public static final String REST = "rest";

    public static final String SAP_S4HANA = "sap-s4hana";

    public static final String STAGING_TABLES = "staging-tables";

    static final List<String> TYPES = List.of(REST, SAP_S4HANA, STAGING_TABLES);

    @Override
    public SettingsArea area() {
        return SettingsArea.ERP;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!TYPES.contains(type)) {
            problems.add("erp.type must be one of " + String.join(", ", TYPES) + " (was '" + type + "')");
        }
        if (outageThreshold < 1) {
            problems.add("erp.outage-threshold must be 1 or more (was " + outageThreshold + ")");
        }
        if (verdictOverdue.isNegative() || verdictOverdue.isZero()) {
            problems.add("erp.verdict-overdue must be more than 0 (was " + verdictOverdue + ")");
        }
        return problems;
    }
}
