package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reading hcl2json's shapes: blocks are arrays of bodies, attributes are values, expressions are "${...}". */
final class Hcl {

    private Hcl() {
    }

    /** The body of a block that occurs once (hcl2json always wraps block bodies in an array). */
    static JsonNode first(JsonNode node) {
        return node.isArray() && !node.isEmpty() ? node.get(0) : node;
    }

    static JsonNode block(JsonNode parent, String name) {
        JsonNode block = parent.path(name);
        if (block.isMissingNode()) {
            throw new AssertionError("no block or attribute '" + name + "' in " + parent);
        }
        return first(block);
    }

    /** Static blocks named {@code name} plus the contents of {@code dynamic "name"} blocks. */
    static List<JsonNode> blocks(JsonNode parent, String name) {
        List<JsonNode> blocks = new ArrayList<>();
        parent.path(name).forEach(blocks::add);
        for (JsonNode dynamic : parent.path("dynamic").path(name)) {
            dynamic.path("content").forEach(blocks::add);
        }
        return blocks;
    }

    static String text(JsonNode parent, String attribute) {
        JsonNode value = parent.path(attribute);
        if (value.isMissingNode()) {
            throw new AssertionError("no attribute '" + attribute + "' in " + parent);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.isTextual() ? element.asText() : element.toString()));
        } else if (!node.isMissingNode()) {
            values.add(node.isTextual() ? node.asText() : node.toString());
        }
        return values;
    }
}
