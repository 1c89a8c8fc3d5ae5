package dev.mediapipeline.cloud.aws.replay;

/**
 * What became of one dead letter that was replayed (or would have been, on a dry run).
 *
 * @param messageId      the dead letter's message id
 * @param sourceQueueUrl the queue it was sent back to
 * @param newMessageId   the id the source queue gave the copy; null on a dry run
 * @param removed        whether it was deleted from the dead-letter queue; false on a dry run, and false when the
 *                       delete failed after the send (the letter is then delivered twice, which consumers absorb)
 * @param dryRun         whether this was a dry run (nothing sent, nothing deleted)
 */
public record SqsReplay(String messageId, String sourceQueueUrl, String newMessageId, boolean removed,
                        boolean dryRun) {
}
