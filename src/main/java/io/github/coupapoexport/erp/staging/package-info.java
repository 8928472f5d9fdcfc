/**
 * The staging-tables adapter ({@code erp.type=staging-tables}): each PO snapshot becomes header, line and
 * distribution rows in the ERP's interface tables, which the ERP's import program reads later; its verdict is read
 * back from the same rows.
 */
@NullMarked
package io.github.coupapoexport.erp.staging;

import org.jspecify.annotations.NullMarked;
