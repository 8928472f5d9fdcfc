package io.github.coupapoexport.settings;

/**
 * The parts of the settings a command may use. A command is checked for, and builds, only the parts it uses: {@code
 * status} needs neither the Coupa client secret nor the ERP's password, and must work while one of them is being
 * rotated.
 */
public enum SettingsArea {

    /** {@code coupa.*}: a command that calls Coupa. */
    COUPA,

    /** {@code erp.*} and the selected adapter's keys: a command that calls the ERP. */
    ERP,

    /** {@code export.*}: the export itself (the marking order, value maps, concurrency). */
    EXPORT,

    /** Settings every command uses. */
    GENERAL;

    /**
     * The property that names the areas the command of this process uses (set by the command line before Spring
     * starts); absent, every area is in use.
     */
    public static final String IN_USE_PROPERTY = "coupa-po-export.settings-in-use";
}
