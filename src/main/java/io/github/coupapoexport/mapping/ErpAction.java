package io.github.coupapoexport.mapping;

/** What the ERP is asked to do with the document (README "The REST ERP adapter"). */
public enum ErpAction {
    CREATE, UPDATE, CANCEL, CLOSE
}
