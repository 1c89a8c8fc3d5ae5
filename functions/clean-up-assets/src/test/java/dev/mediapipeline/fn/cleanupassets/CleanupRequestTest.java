package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupRequestTest {

    private static final Path EVENTS = Path.of("../../events").toAbsolutePath().normalize();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"aws/scheduler-clean-up-assets.json", "gcp/scheduler-http-clean-up-assets.json"})
    void everyScheduleSample_decodesAsTheNightlyRunThatDeletes(String sample) throws Exception {
        CleanupRequest request = json.readValue(Files.readAllBytes(EVENTS.resolve(sample)), CleanupRequest.class);

        assertThat(request.command()).isEqualTo(CleanupCommand.scheduled());
        assertThat(request.command().dryRun()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                              | schedule   | false",
            "{\"triggeredBy\":\"ops/manual\"}                | ops/manual | true",
            "{\"triggeredBy\":\"ops/manual\",\"dryRun\":false} | ops/manual | false",
            "{\"dryRun\":true}                               | schedule   | true",
            "{\"triggeredBy\":\"schedule:clean-up-assets\"}  | schedule   | false",
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}} | schedule | false"})
    void aCallerThatNamesItself_getsADryRunUnlessItAsksOtherwise(String body, String triggeredBy, boolean dryRun)
            throws Exception {
        CleanupCommand command = json.readValue(body, CleanupRequest.class).command();

        assertThat(command.triggeredBy()).isEqualTo(triggeredBy);
        assertThat(command.dryRun()).isEqualTo(dryRun);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops\u0000manual", "ops\nmanual"})
    void aTriggeredByWithControlCharacters_isRefused(String triggeredBy) {
        assertThatThrownBy(() -> new CleanupRequest(triggeredBy, null).command())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aTriggeredByLongerThanTwoHundredCharacters_isRefused() {
        assertThatThrownBy(() -> new CleanupRequest("o".repeat(201), null).command())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CleanupRequest("o".repeat(200), null).command().triggeredBy()).hasSize(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"triggeredBy\":\"alice\"}                     | alice    | true",
            "{\"triggeredBy\":\"schedule\",\"dryRun\":false}  | schedule | false",
            "null                                          | schedule | false",
            "{\"detail-type\":\"Scheduled Event\",\"detail\":{}} | schedule | false"})
    void fromJson_followsTheSameRules(String body, String triggeredBy, boolean dryRun) throws Exception {
        CleanupCommand command = CleanupRequest.fromJson(json.readTree(body)).command();

        assertThat(command.triggeredBy()).isEqualTo(triggeredBy);
        assertThat(command.dryRun()).isEqualTo(dryRun);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"dryRun\":\"true\"}", "{\"dryRun\":\"yes\"}", "{\"dryRun\":0}",
            "{\"triggeredBy\":42}", "[]", "\"schedule\"", "{\"triggeredBy\":\"ops\\nmanual\"}"})
    void fromJson_refusesAnUnclearRequestInsteadOfGuessing(String body) throws Exception {
        assertThatThrownBy(() -> CleanupRequest.fromJson(json.readTree(body)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
