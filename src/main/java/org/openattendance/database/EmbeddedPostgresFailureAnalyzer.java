package org.openattendance.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by the embedded PostgreSQL: say why and what to do, without a wall of stack trace. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
