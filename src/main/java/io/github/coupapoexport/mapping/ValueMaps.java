package io.github.coupapoexport.mapping;

import java.util.Map;

/**
 * Coupa codes translated to the ERP's (units of measure, payment terms). A code that is not listed is sent as Coupa
 * has it, so a new code does not stop the export; the ERP rejects it if it does not know it.
 */
public record ValueMaps(Map<String, String> unitsOfMeasure, Map<String, String> paymentTerms) {

    public static final ValueMaps NONE = new ValueMaps(Map.of(), Map.of());

    public ValueMaps {
        unitsOfMeasure = Map.copyOf(unitsOfMeasure);
        paymentTerms = Map.copyOf(paymentTerms);
    }

    public String unitOfMeasure(String coupaCode) {
        return coupaCode == null ? null : unitsOfMeasure.getOrDefault(coupaCode, coupaCode);
    }

    public String paymentTerm(String coupaCode) {
        return coupaCode == null ? null : paymentTerms.getOrDefault(coupaCode, coupaCode);
    }
}
