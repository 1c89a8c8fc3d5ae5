package dev.mediapipeline.cloud.aws;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SNS {@code Publish} over its Query API, signed with the SDK's SigV4 signer. The project's SDK line has no
 * resolvable {@code sns} client module, and one action with two attributes is a small, documented form
 * (docs.aws.amazon.com/sns/latest/api/API_Publish.html).
 */
final class SnsPublishClient {

    private static final String API_VERSION = "2010-03-31";

    private final SignedHttpCall call;
    private final URI endpoint;

    SnsPublishClient(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint) {
        this.call = new SignedHttpCall(http, credentials, region, "sns");
        this.endpoint = endpoint;
    }

    /** Returns the message id SNS assigned; throws when SNS did not accept the message. */
    String publish(String topicArn, String message, Map<String, String> stringAttributes) throws IOException {
        SignedHttpCall.Response response = call.post(endpoint, "application/x-www-form-urlencoded; charset=utf-8",
                Map.of(), publishForm(topicArn, message, stringAttributes));
        byte[] body = response.body();
        int status = response.status();
        if (status / 100 == 2) {
            String messageId = element(body, "MessageId");
            if (messageId == null) {
                throw new IOException("SNS answered HTTP " + status + " without a MessageId");
            }
            return messageId;
        }
        throw new IOException("SNS Publish to " + topicArn + " failed with HTTP " + status + " "
                + element(body, "Code") + ": " + element(body, "Message"));
    }

    static byte[] publishForm(String topicArn, String message, Map<String, String> stringAttributes) {
        StringBuilder form = new StringBuilder()
                .append("Action=Publish&Version=").append(API_VERSION)
                .append("&TopicArn=").append(encode(topicArn))
                .append("&Message=").append(encode(message));
        int entry = 1;
        for (Map.Entry<String, String> attribute : stringAttributes.entrySet()) {
            String prefix = "&MessageAttributes.entry." + entry++ + ".";
            form.append(prefix).append("Name=").append(encode(attribute.getKey()))
                    .append(prefix).append("Value.DataType=String")
                    .append(prefix).append("Value.StringValue=").append(encode(attribute.getValue()));
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    static URI endpointFor(Region region) {
        String domain = region.metadata() == null ? "amazonaws.com" : region.metadata().domain();
        return URI.create("https://sns." + region.id() + "." + domain + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The text of the first element with this name, or null when the body is not XML or has none. */
    private static String element(byte[] xml, String name) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList nodes = document.getElementsByTagName(name);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
        } catch (Exception notXml) {
            return null;
        }
    }
}
