/**
 * The export of one PO, step by step, each recorded in the ledger before the call it stands for: plain classes that
 * Spring Batch's layer ({@code job}) calls, tested without threads, HTTP or Spring.
 */
@NullMarked
package io.github.coupapoexport.export;

import org.jspecify.annotations.NullMarked;
