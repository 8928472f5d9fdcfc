/** The ERP port: what the export asks of any ERP ({@link io.github.coupapoexport.erp.Erp}), its answers and its shared settings. One package below this one per adapter. */
@NullMarked
package io.github.coupapoexport.erp;

import org.jspecify.annotations.NullMarked;
