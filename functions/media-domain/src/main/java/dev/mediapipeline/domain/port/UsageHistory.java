package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.UsageSample;

import java.util.List;

/** Every usage sample and every failed poll, kept so that growth can be read back later. */
public interface UsageHistory {

    void record(List<UsageSample> samples);

    void recordFailure(PollFailure failure);

    /** The newest sample of every (source, resource), ordered by source then resource. */
    List<UsageSample> latest();

    /** The newest {@code limit} samples of one resource, newest first. */
    List<UsageSample> recent(String source, String resource, int limit);

    /** The newest {@code limit} failed polls, newest first. */
    List<PollFailure> recentFailures(int limit);
}
