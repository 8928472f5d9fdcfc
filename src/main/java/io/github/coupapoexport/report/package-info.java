/**
 * The report of {@code report --out=FILE.html}: what the job repository and the export ledger know, as one HTML page
 * that loads nothing (it must open from a mail attachment, offline). The data comes in as values; this package only
 * renders them, so that the page can be tested without a database.
 */
package io.github.coupapoexport.report;
