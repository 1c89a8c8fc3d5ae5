package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.port.TextSearch;
import dev.mediapipeline.domain.text.AssetTextView;
import dev.mediapipeline.domain.text.TextOutcome;
import dev.mediapipeline.domain.text.TextSearchHit;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@link TextIndex} and {@link TextSearch} on the {@code asset_texts} table, with PostgreSQL full-text search.
 *
 * <p>One text search configuration serves the whole table (default {@code english}: stems, so "invoices" finds
 * "invoice"); rows remember theirs, and a search uses the same one so the GIN index applies. Searches take what a
 * person types ({@code websearch_to_tsquery}: words, "phrases", or, -not), which is never a syntax error.
 */
public final class JdbcTextIndex implements TextIndex, TextSearch {

    public static final String DEFAULT_SEARCH_CONFIGURATION = "english";
    public static final int MAX_HITS = 100;

    /** tsvector values must stay under 1 MB; this many characters of unusual words keep well below it. */
    static final int INDEXED_CHARACTERS = 262_144;
    /** Characters of text shown with an outcome, and read to build a search snippet. */
    static final int SUMMARY_CHARACTERS = 280;
    private static final int SNIPPET_SOURCE_CHARACTERS = 20_000;
    private static final Pattern CONFIGURATION_NAME = Pattern.compile("[a-z_]{1,63}");

    private static final String HEADLINE_OPTIONS =
            "StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static final String VIEW_COLUMNS = """
            t.asset_id, t.status, t.failure_reason, t.failure_detail, t.source_identity, t.document_key, t.engine,
            t.engine_version, t.languages, t.strategy, t.page_count, t.pages_read, t.ocr_pages, t.truncated,
            t.confidence, left(t.body, %d) AS summary, t.updated_at""".formatted(SUMMARY_CHARACTERS);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String searchConfiguration;

    public JdbcTextIndex(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_SEARCH_CONFIGURATION);
    }

    /** @param searchConfiguration a PostgreSQL text search configuration: {@code english}, {@code german}, {@code simple}, ... */
    public JdbcTextIndex(DataSource dataSource, Clock clock, String searchConfiguration) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!CONFIGURATION_NAME.matcher(searchConfiguration).matches()) {
            throw new IllegalArgumentException("not a text search configuration name: " + searchConfiguration);
        }
        this.searchConfiguration = searchConfiguration;
    }

    /** One upsert: the row of a redelivered event, or of a new upload of the same asset, replaces the old one. */
    @Override
    public void save(TextOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO asset_texts (asset_id, source_identity, status, failure_reason, failure_detail,
                               document_key, engine, engine_version, languages, strategy, page_count, pages_read,
                               ocr_pages, truncated, confidence, body, search_config, search_vector, created_at,
                               updated_at)
                        VALUES (:assetId, :source, :status, :failureReason, :failureDetail, :documentKey, :engine,
                                :engineVersion, :languages, :strategy, :pageCount, :pagesRead, :ocrPages, :truncated,
                                :confidence, :body, CAST(:config AS regconfig),
                                to_tsvector(CAST(:config AS regconfig), left(:body, :indexed)), :now, :now)
                        ON CONFLICT (asset_id) DO UPDATE
                           SET source_identity = EXCLUDED.source_identity,
                               status = EXCLUDED.status,
                               failure_reason = EXCLUDED.failure_reason,
                               failure_detail = EXCLUDED.failure_detail,
                               document_key = EXCLUDED.document_key,
                               engine = EXCLUDED.engine,
                               engine_version = EXCLUDED.engine_version,
                               languages = EXCLUDED.languages,
                               strategy = EXCLUDED.strategy,
                               page_count = EXCLUDED.page_count,
                               pages_read = EXCLUDED.pages_read,
                               ocr_pages = EXCLUDED.ocr_pages,
                               truncated = EXCLUDED.truncated,
                               confidence = EXCLUDED.confidence,
                               body = EXCLUDED.body,
                               search_config = EXCLUDED.search_config,
                               search_vector = EXCLUDED.search_vector,
                               updated_at = EXCLUDED.updated_at""")
                .param("assetId", outcome.assetId().value())
                .param("source", outcome.sourceIdentity())
                .param("status", outcome.status().name())
                .param("failureReason", Columns.reasonCode(outcome.failure()), Types.VARCHAR)
                .param("failureDetail", Columns.detail(outcome.failure()), Types.VARCHAR)
                .param("documentKey", outcome.documentKey(), Types.VARCHAR)
                .param("engine", outcome.engine(), Types.VARCHAR)
                .param("engineVersion", outcome.engineVersion(), Types.VARCHAR)
                .param("languages", outcome.languages().toArray(String[]::new), Types.ARRAY)
                .param("strategy", outcome.strategy().code())
                .param("pageCount", outcome.pageCount())
                .param("pagesRead", outcome.pagesRead())
                .param("ocrPages", outcome.ocrPages())
                .param("truncated", outcome.truncated())
                .param("confidence", outcome.confidence(), Types.REAL)
                .param("body", outcome.text())
                .param("config", searchConfiguration)
                .param("indexed", INDEXED_CHARACTERS)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    /** Empty for an unknown or deleted asset, and for one whose text was not extracted yet. */
    @Override
    public Optional<AssetTextView> find(AssetId id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """

                          FROM asset_texts t JOIN assets a ON a.id = t.asset_id
                         WHERE t.asset_id = :id AND a.status <> 'DELETED'""")
                .param("id", id.value())
                .query(JdbcTextIndex::toView)
                .optional();
    }

    /**
     * Ranks the matching assets first and builds snippets only for the hits returned: a snippet reads the text
     * again, which is worth doing for a page of results, not for every match.
     */
    @Override
    public List<TextSearchHit> search(String words, int limit) {
        if (limit < 1 || limit > MAX_HITS) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_HITS + ": " + limit);
        }
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH search AS (SELECT websearch_to_tsquery(CAST(:config AS regconfig), :words) AS q),
                             best AS (
                                 SELECT t.asset_id, ts_rank_cd(t.search_vector, search.q) AS rank
                                   FROM asset_texts t JOIN assets a ON a.id = t.asset_id, search
                                  WHERE t.search_vector @@ search.q
                                    AND t.status = 'EXTRACTED'
                                    AND a.status <> 'DELETED'
                                  ORDER BY rank DESC, t.asset_id
                                  LIMIT :limit)
                        SELECT a.id, a.folder, a.filename, COALESCE(a.content_type, a.declared_content_type) AS content_type,
                               a.status, t.page_count, best.rank,
                               ts_headline(t.search_config, left(t.body, :snippetSource), search.q, :options) AS snippet
                          FROM best JOIN asset_texts t ON t.asset_id = best.asset_id
                               JOIN assets a ON a.id = best.asset_id, search
                         ORDER BY best.rank DESC, a.id""")
                .param("config", searchConfiguration)
                .param("words", words)
                .param("limit", limit)
                .param("snippetSource", SNIPPET_SOURCE_CHARACTERS)
                .param("options", HEADLINE_OPTIONS)
                .query((row, number) -> new TextSearchHit(row.getObject("id", UUID.class).toString(),
                        row.getString("folder"), row.getString("filename"), row.getString("content_type"),
                        row.getString("status"), row.getInt("page_count"), row.getDouble("rank"),
                        row.getString("snippet")))
                .list();
    }

    private static AssetTextView toView(ResultSet row, int rowNumber) throws SQLException {
        float confidence = row.getFloat("confidence");
        Double recordedConfidence = row.wasNull() ? null : Math.round(confidence * 10) / 10.0;
        return new AssetTextView(
                row.getObject("asset_id", UUID.class).toString(),
                row.getString("status"),
                row.getString("failure_reason"),
                row.getString("failure_detail"),
                row.getString("source_identity"),
                row.getString("document_key"),
                row.getString("engine"),
                row.getString("engine_version"),
                languages(row.getArray("languages")),
                row.getString("strategy"),
                row.getInt("page_count"),
                row.getInt("pages_read"),
                row.getInt("ocr_pages"),
                row.getBoolean("truncated"),
                recordedConfidence,
                row.getString("summary"),
                Columns.instant(row, "updated_at"));
    }

    private static List<String> languages(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
