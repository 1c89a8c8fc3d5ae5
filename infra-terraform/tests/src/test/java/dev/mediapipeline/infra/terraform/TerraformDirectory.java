package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Terraform directory (a stack or a module) as parsed HCL, its files merged like Terraform does. */
final class TerraformDirectory {

    private final String name;
    private final List<JsonNode> files;

    TerraformDirectory(String name, List<JsonNode> files) {
        this.name = name;
        this.files = List.copyOf(files);
    }

    String name() {
        return name;
    }

    Map<String, JsonNode> resources(String type) {
        return labelled("resource", type);
    }

    JsonNode resource(String type, String label) {
        return required(resources(type), type + "." + label, label);
    }

    Map<String, JsonNode> dataSources(String type) {
        return labelled("data", type);
    }

    Map<String, JsonNode> modules() {
        return topLevel("module");
    }

    JsonNode module(String label) {
        return required(modules(), "module." + label, label);
    }

    Map<String, JsonNode> variables() {
        return topLevel("variable");
    }

    Map<String, JsonNode> outputs() {
        return topLevel("output");
    }

    /** Every resource type declared in this directory. */
    List<String> resourceTypes() {
        return files.stream()
                .flatMap(file -> iterable(file.path("resource").fieldNames()).stream())
                .distinct()
                .toList();
    }

    Map<String, JsonNode> locals() {
        Map<String, JsonNode> locals = new LinkedHashMap<>();
        for (JsonNode file : files) {
            for (JsonNode block : file.path("locals")) {
                block.fields().forEachRemaining(entry -> locals.put(entry.getKey(), entry.getValue()));
            }
        }
        return locals;
    }

    /** The expression followed by the values of the locals it mentions, so a check can see through them. */
    String withLocals(String expression) {
        StringBuilder expanded = new StringBuilder(expression);
        locals().forEach((name, value) -> {
            if (expression.contains("local." + name)) {
                expanded.append(' ').append(value);
            }
        });
        return expanded.toString();
    }

    private Map<String, JsonNode> topLevel(String kind) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (JsonNode file : files) {
            file.path(kind).fields().forEachRemaining(entry -> result.put(entry.getKey(), Hcl.first(entry.getValue())));
        }
        return result;
    }

    private Map<String, JsonNode> labelled(String kind, String type) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (JsonNode file : files) {
            file.path(kind).path(type).fields()
                    .forEachRemaining(entry -> result.put(entry.getKey(), Hcl.first(entry.getValue())));
        }
        return result;
    }

    private JsonNode required(Map<String, JsonNode> blocks, String address, String label) {
        return Optional.ofNullable(blocks.get(label))
                .orElseThrow(() -> new AssertionError(name + " has no " + address + " (has " + blocks.keySet() + ")"));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    @Override
    public String toString() {
        return name;
    }
}
