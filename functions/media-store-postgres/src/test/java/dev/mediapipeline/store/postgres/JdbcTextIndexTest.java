package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.text.AssetTextView;
import dev.mediapipeline.domain.text.TextOutcome;
import dev.mediapipeline.domain.text.TextSearchHit;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStatus;
import dev.mediapipeline.domain.text.TextStrategy;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTextIndexTest {

    private static final Instant NOW = Instant.parse("2025-04-02T08:00:00.5Z");

    private DataSource db;
    private final MovableClock clock = new MovableClock(NOW);
    private JdbcAssetCatalog catalog;
    private JdbcTextIndex index;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh().dataSource();
        catalog = new JdbcAssetCatalog(db, clock);
        index = new JdbcTextIndex(db, clock);
    }

    private AssetId asset(String filename) {
        AssetId id = AssetId.random();
        catalog.insert(Asset.pending(id, "documents", filename, "application/pdf", 100,
                "originals/documents/" + id + ".pdf", "alice", NOW));
        return id;
    }

    private static TextOutcome extracted(AssetId id, String text) {
        return new TextOutcome(id, "media/originals/documents/" + id + ".pdf#1", TextStatus.EXTRACTED, null,
                "derived/" + id + "/abc/text.json", "tesseract", "5.3.0", List.of("eng"), TextStrategy.AUTO, 3, 3, 1,
                false, 91.25, text);
    }

    @Test
    void anExtractedOutcomeIsFoundWithItsSummary() {
        AssetId id = asset("invoice.pdf");

        index.save(extracted(id, "Invoice 4711\n\nTotal due: 1,250.00 EUR"));

        AssetTextView view = index.find(id).orElseThrow();
        assertThat(view.assetId()).isEqualTo(id.toString());
        assertThat(view.status()).isEqualTo("EXTRACTED");
        assertThat(view.failureReason()).isNull();
        assertThat(view.documentKey()).isEqualTo("derived/" + id + "/abc/text.json");
        assertThat(view.engine()).isEqualTo("tesseract");
        assertThat(view.engineVersion()).isEqualTo("5.3.0");
        assertThat(view.languages()).containsExactly("eng");
        assertThat(view.strategy()).isEqualTo("auto");
        assertThat(view.pageCount()).isEqualTo(3);
        assertThat(view.pagesRead()).isEqualTo(3);
        assertThat(view.ocrPages()).isEqualTo(1);
        assertThat(view.truncated()).isFalse();
        assertThat(view.confidence()).isEqualTo(91.3);
        assertThat(view.summary()).isEqualTo("Invoice 4711\n\nTotal due: 1,250.00 EUR");
        assertThat(view.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aFailedOutcomeIsFoundWithItsReason() {
        AssetId id = asset("locked.pdf");

        index.save(TextOutcome.failed(id, "media/x#1", new Failure(FailureReason.ENCRYPTED, "needs a password"),
                "tesseract", TextSettings.defaults()));

        AssetTextView view = index.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo("FAILED");
        assertThat(view.failureReason()).isEqualTo("encrypted");
        assertThat(view.failureDetail()).isEqualTo("needs a password");
        assertThat(view.documentKey()).isNull();
        assertThat(view.confidence()).isNull();
    }

    @Test
    void savingAgainReplacesTheRowAndItsSearchableWords() {
        AssetId id = asset("memo.pdf");
        index.save(extracted(id, "first draft about penguins"));
        clock.advance(java.time.Duration.ofMinutes(1));

        index.save(extracted(id, "final version about giraffes"));

        assertThat(index.find(id).orElseThrow().summary()).isEqualTo("final version about giraffes");
        assertThat(index.search("penguins", 10)).isEmpty();
        assertThat(index.search("giraffes", 10)).extracting(TextSearchHit::assetId).containsExactly(id.toString());
        assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM asset_texts").query(Integer.class).single()).isOne();
    }

    @Test
    void searchFindsWordsInAnyFormAndPhrasesBestMatchFirstWithAHighlightedSnippet() {
        AssetId invoices = asset("invoices.pdf");
        AssetId letter = asset("letter.pdf");
        AssetId other = asset("other.pdf");
        index.save(extracted(invoices, "Invoice 4711. Invoices are due in thirty days. Every invoice counts."));
        index.save(extracted(letter, "A letter that mentions one invoice in passing, among many other words."));
        index.save(extracted(other, "Nothing relevant here at all."));

        List<TextSearchHit> hits = index.search("invoices", 10);

        assertThat(hits).extracting(TextSearchHit::assetId).containsExactly(invoices.toString(), letter.toString());
        assertThat(hits.get(0).rank()).isGreaterThan(hits.get(1).rank());
        assertThat(hits.get(0).filename()).isEqualTo("invoices.pdf");
        assertThat(hits.get(0).folder()).isEqualTo("documents");
        assertThat(hits.get(0).status()).isEqualTo("PENDING_UPLOAD");
        assertThat(hits.get(0).snippet()).contains("«Invoice»");
        assertThat(index.search("\"thirty days\"", 10)).extracting(TextSearchHit::assetId)
                .containsExactly(invoices.toString());
        assertThat(index.search("invoice -letter", 10)).extracting(TextSearchHit::assetId)
                .containsExactly(invoices.toString());
    }

    @Test
    void searchLeavesOutDeletedAssetsAndFailedTexts() {
        AssetId deleted = asset("gone.pdf");
        AssetId failed = asset("failed.pdf");
        index.save(extracted(deleted, "quarterly report"));
        index.save(new TextOutcome(failed, "media/f#1", TextStatus.FAILED, new Failure(FailureReason.TIMEOUT, "slow"),
                null, "tesseract", null, List.of("eng"), TextStrategy.AUTO, 0, 0, 0, false, null, "quarterly report"));
        catalog.updateStatus(deleted, AssetStatus.DELETED, null, null, null);

        assertThat(index.search("quarterly", 10)).isEmpty();
        assertThat(index.find(deleted)).isEmpty();
    }

    @Test
    void searchLimitsTheHitsAndAnswersBlankOrStopWordQueriesWithNothing() {
        for (int i = 0; i < 5; i++) {
            index.save(extracted(asset("n" + i + ".pdf"), "shipping notice number " + i));
        }

        assertThat(index.search("shipping", 3)).hasSize(3);
        assertThat(index.search("   ", 10)).isEmpty();
        assertThat(index.search("the", 10)).isEmpty();
        assertThat(index.search("((( ''' & | !", 10)).isEmpty();
        assertThatThrownBy(() -> index.search("shipping", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("shipping", 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMegabyteOfUniqueWordsIsIndexedWithoutExceedingTheTsvectorLimit() {
        AssetId id = asset("huge.pdf");
        String text = IntStream.range(0, 120_000).mapToObj(i -> "w" + Integer.toString(i * 7919, 36))
                .collect(Collectors.joining(" "));

        index.save(extracted(id, text));

        assertThat(index.search(text.substring(0, text.indexOf(' ')), 1)).hasSize(1);
    }

    @Test
    void deletingTheAssetRowDeletesItsText() {
        AssetId id = asset("temp.pdf");
        index.save(extracted(id, "temporary words"));

        JdbcClient.create(db).sql("DELETE FROM assets WHERE id = :id").param("id", id.value()).update();

        assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM asset_texts").query(Integer.class).single()).isZero();
    }

    @Test
    void onlyPlainConfigurationNamesAreAccepted() {
        assertThatThrownBy(() -> new JdbcTextIndex(db, clock, "english'; DROP TABLE assets; --"))
                .isInstanceOf(IllegalArgumentException.class);
        AssetId id = asset("german.pdf");
        JdbcTextIndex german = new JdbcTextIndex(db, clock, "german");

        german.save(extracted(id, "Die Rechnungen sind bezahlt"));

        assertThat(german.search("Rechnung", 5)).extracting(TextSearchHit::assetId).containsExactly(id.toString());
    }
}
