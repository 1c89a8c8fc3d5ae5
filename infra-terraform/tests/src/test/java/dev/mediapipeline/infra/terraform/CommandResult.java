package dev.mediapipeline.infra.terraform;

/** Exit code and combined output of a finished command. */
record CommandResult(int exitCode, String output) {

    boolean succeeded() {
        return exitCode == 0;
    }
}
