/**
 * {@code reconcile}: Coupa against the export ledger against the ERP. The comparison of one PO is pure
 * ({@link io.github.coupapoexport.reconciliation.Comparison}); {@link io.github.coupapoexport.reconciliation.Reconciler}
 * reads the three sides, puts back what {@code --fix} puts back, and records the result in the ledger.
 */
package io.github.coupapoexport.reconciliation;
