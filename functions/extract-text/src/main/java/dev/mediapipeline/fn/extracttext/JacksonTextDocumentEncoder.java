package dev.mediapipeline.fn.extracttext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.port.TextDocumentEncoder;
import dev.mediapipeline.domain.text.PageFlag;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.TextDocument;

import java.util.Comparator;

/**
 * The stored JSON form of a text document. Written field by field, with its own mapper, so that the shape clients
 * read does not change with the host application's Jackson settings.
 */
public final class JacksonTextDocumentEncoder implements TextDocumentEncoder {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public byte[] encode(TextDocument document) {
        ObjectNode root = json.createObjectNode();
        root.put("assetId", document.assetId().toString());
        root.put("source", document.sourceIdentity());
        root.put("contentType", document.contentType());
        root.put("engine", document.engine());
        root.put("engineVersion", document.engineVersion());
        document.languages().forEach(root.putArray("languages")::add);
        root.put("strategy", document.strategy().code());
        root.put("pageCount", document.pageCount());
        ArrayNode pages = root.putArray("pages");
        document.pages().forEach(page -> pages.add(pageNode(page)));
        root.put("truncated", document.truncated());
        document.warnings().forEach(root.putArray("warnings")::add);
        ObjectNode timings = root.putObject("timingsMs");
        document.timingsMs().forEach(timings::put);
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private ObjectNode pageNode(PageText page) {
        ObjectNode node = json.createObjectNode();
        node.put("page", page.page());
        node.put("source", page.source().code());
        node.put("text", page.text());
        if (page.confidence() == null) {
            node.putNull("confidence");
        } else {
            node.put("confidence", page.confidence());
        }
        ArrayNode flags = node.putArray("flags");
        page.flags().stream().sorted(Comparator.naturalOrder()).map(PageFlag::code).forEach(flags::add);
        return node;
    }
}
