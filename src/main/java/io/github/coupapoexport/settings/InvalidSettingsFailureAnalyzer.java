package io.github.coupapoexport.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows bad settings as a short list for the operator instead of a stack trace (registered in spring.factories). */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix these settings (application.yml beside the jar, --key=value "
                + "options or environment variables) and run again; a rerun alone will not help.", cause);
    }
}
