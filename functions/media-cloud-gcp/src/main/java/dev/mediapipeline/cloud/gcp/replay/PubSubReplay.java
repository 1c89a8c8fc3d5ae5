package dev.mediapipeline.cloud.gcp.replay;

/**
 * What became of one dead letter that was replayed (or would have been, on a dry run).
 *
 * @param messageId    the dead letter's message id
 * @param topic        the topic it was published to, {@code projects/P/topics/T}
 * @param newMessageId the id of the copy on that topic; null on a dry run
 * @param acknowledged whether it was acknowledged on the dead-letter subscription; false on a dry run, and false
 *                     when the acknowledgement failed after the publish (it is then delivered twice, which
 *                     consumers absorb)
 * @param dryRun       whether this was a dry run (nothing published, nothing acknowledged)
 */
public record PubSubReplay(String messageId, String topic, String newMessageId, boolean acknowledged, boolean dryRun) {
}
