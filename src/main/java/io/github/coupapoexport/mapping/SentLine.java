package io.github.coupapoexport.mapping;

/** A line the ERP holds for a PO, remembered so that a line Coupa no longer returns can be sent as deleted. */
public record SentLine(long coupaLineId, String lineNumber) {
}
