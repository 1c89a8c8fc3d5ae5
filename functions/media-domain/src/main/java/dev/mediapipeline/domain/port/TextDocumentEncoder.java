package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.text.TextDocument;

/** Turns a text document into the bytes stored beside the renditions (JSON; the domain knows no JSON library). */
@FunctionalInterface
public interface TextDocumentEncoder {

    byte[] encode(TextDocument document);
}
