package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.usage.UsageReport;

import java.util.List;

/** Formats a poll's samples as log lines that a platform turns into metrics: one JSON document per line. */
@FunctionalInterface
public interface UsageLines {

    List<String> lines(UsageReport report);
}
