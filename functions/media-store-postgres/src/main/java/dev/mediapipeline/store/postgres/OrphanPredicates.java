package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;

/**
 * The SQL of each orphan rule over {@code assets a}, shared by selection and by the claim that re-checks it, so the
 * two can never disagree about what an orphan is.
 */
final class OrphanPredicates {

    static final String NOT_ASSOCIATED =
            "NOT EXISTS (SELECT 1 FROM asset_associations s WHERE s.asset_id = a.id)";

    private OrphanPredicates() {
    }

    /** The rule's condition, including "no association"; binds with {@link #bind}. */
    static String matching(OrphanRule rule) {
        String condition = switch (rule) {
            case UNUSED -> """
                    a.status IN ('UPLOADED', 'PROCESSING', 'READY', 'FAILED')
                    AND a.created_at < :unusedCreatedBefore
                    AND (a.status IN ('READY', 'FAILED') OR a.updated_at < :inFlightUpdatedBefore)""";
            case UPLOAD_NEVER_ARRIVED -> "a.status = 'PENDING_UPLOAD' AND a.created_at < :uploadCreatedBefore";
            case SOFT_DELETED_PAST_GRACE -> "a.status = 'DELETED' AND a.updated_at < :deletedBefore";
        };
        return "(" + condition + ") AND " + NOT_ASSOCIATED;
    }

    /** The column the rule's orphans are ordered by, together with the id. */
    static String orderColumn(OrphanRule rule) {
        return rule == OrphanRule.SOFT_DELETED_PAST_GRACE ? "a.updated_at" : "a.created_at";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, OrphanRule rule, OrphanCutoffs cutoffs) {
        return switch (rule) {
            case UNUSED -> statement
                    .param("unusedCreatedBefore", Columns.timestamp(cutoffs.unusedCreatedBefore()),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("inFlightUpdatedBefore", Columns.timestamp(cutoffs.inFlightUpdatedBefore()),
                            Types.TIMESTAMP_WITH_TIMEZONE);
            case UPLOAD_NEVER_ARRIVED -> statement.param("uploadCreatedBefore",
                    Columns.timestamp(cutoffs.uploadCreatedBefore()), Types.TIMESTAMP_WITH_TIMEZONE);
            case SOFT_DELETED_PAST_GRACE -> statement.param("deletedBefore",
                    Columns.timestamp(cutoffs.deletedBefore()), Types.TIMESTAMP_WITH_TIMEZONE);
        };
    }
}
