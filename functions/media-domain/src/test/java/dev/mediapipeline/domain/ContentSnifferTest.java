package dev.mediapipeline.domain;

import dev.mediapipeline.domain.thumbnail.ContentSniffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ffd8ffe000104a464946, image/jpeg",
            "89504e470d0a1a0a0000, image/png",
            "474946383961, image/gif",
            "524946460000000057454250, image/webp",
            "255044462d312e37, application/pdf",
            "4d5a90000300, application/x-msdownload",
            "7f454c4602010100, application/x-executable",
            "504b0304, application/zip",
            "3c737667206f6e6c6f61643d, image/svg+xml",
            "3c3f786d6c3f3e3c7376673e, image/svg+xml",
            "00000000, application/octet-stream",
            "ffd8, application/octet-stream"
    })
    void recognisesFormatsByTheirLeadingBytes(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(ContentSniffer.sniff(bytes, bytes.length)).isEqualTo(expected);
    }
}
