package io.github.coupapoexport.mapping;

/** What the ERP is asked to do with the document (contract section 4). */
public enum ErpAction {
    CREATE, UPDATE, CANCEL, CLOSE
}
