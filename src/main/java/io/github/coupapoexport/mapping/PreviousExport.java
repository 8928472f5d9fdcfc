package io.github.coupapoexport.mapping;

import java.util.List;

/** What the ERP accepted last time for a PO: it makes the next document an UPDATE and carries the live lines. */
public record PreviousExport(List<SentLine> lines) {

    public PreviousExport {
        lines = List.copyOf(lines);
    }
}
