package dev.mediapipeline.cloud.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SnsPublishClientTest {

    @Test
    void thePublishFormCarriesTopicMessageAndNumberedStringAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", "asset.failed");
        attributes.put("assetId", "a&b=c");

        String form = new String(SnsPublishClient.publishForm("arn:aws:sns:eu-west-1:1:t", "{\"x\":\"1+1 = 2 & é\"}",
                attributes), StandardCharsets.UTF_8);

        assertThat(form).doesNotContain(" ").doesNotContain("é");
        Map<String, String> fields = Stream.of(form.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (a, b) -> b, LinkedHashMap::new));
        assertThat(fields).containsExactly(
                Map.entry("Action", "Publish"),
                Map.entry("Version", "2010-03-31"),
                Map.entry("TopicArn", "arn:aws:sns:eu-west-1:1:t"),
                Map.entry("Message", "{\"x\":\"1+1 = 2 & é\"}"),
                Map.entry("MessageAttributes.entry.1.Name", "type"),
                Map.entry("MessageAttributes.entry.1.Value.DataType", "String"),
                Map.entry("MessageAttributes.entry.1.Value.StringValue", "asset.failed"),
                Map.entry("MessageAttributes.entry.2.Name", "assetId"),
                Map.entry("MessageAttributes.entry.2.Value.DataType", "String"),
                Map.entry("MessageAttributes.entry.2.Value.StringValue", "a&b=c"));
    }

    @Test
    void theDefaultEndpointFollowsTheRegionsPartition() {
        assertThat(SnsEventPublisher.endpointFor(Region.EU_WEST_1)).hasToString("https://sns.eu-west-1.amazonaws.com/");
        assertThat(SnsEventPublisher.endpointFor(Region.CN_NORTHWEST_1))
                .hasToString("https://sns.cn-northwest-1.amazonaws.com.cn/");
    }
}
