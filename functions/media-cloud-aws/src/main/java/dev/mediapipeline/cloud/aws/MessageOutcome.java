package dev.mediapipeline.cloud.aws;

/**
 * What became of one message of a batch. Only {@link Result#RETRY} is reported back to SQS as a batch item
 * failure; a {@link Result#REJECTED} message can never succeed, so it is acknowledged (and logged) instead of
 * being received again until it dead-letters.
 */
public record MessageOutcome(String messageId, Result result, String detail) {

    public enum Result { DONE, RETRY, REJECTED }

    public static MessageOutcome done(String messageId) {
        return new MessageOutcome(messageId, Result.DONE, null);
    }

    public static MessageOutcome retry(String messageId, String detail) {
        return new MessageOutcome(messageId, Result.RETRY, detail);
    }

    public static MessageOutcome rejected(String messageId, String detail) {
        return new MessageOutcome(messageId, Result.REJECTED, detail);
    }
}
