package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.ContentSniffer;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The generators in the test kit make what their bad-inputs.md rows describe; other modules rely on them. */
class BadInputsTest {

    @Test
    void handBuiltPngsAreWellFormedAndClaimTheirSize() throws IOException {
        assertThat(chunkTypes(BadInputs.pixelFloodPng())).containsExactly("IHDR", "IDAT", "IEND");
        assertThat(headerSize(BadInputs.pixelFloodPng(), "png")).containsExactly(100_000, 100_000);
        assertThat(headerSize(BadInputs.dimensionOverflowPng(), "png")).containsExactly(65_536, 65_536);
        byte[] bomb = BadInputs.zlibBombPng(4000, 4000);
        assertThat(chunkTypes(bomb)).containsExactly("IHDR", "IDAT", "IEND");
        assertThat(bomb.length).as("16 MB of zeros deflate to little").isLessThan(100_000);
    }

    @Test
    void jpegGeneratorsKeepTheirPromises() throws IOException {
        byte[] whole = TestImages.quadrantsJpeg(800, 600);
        assertThat(BadInputs.truncatedJpeg()).hasSize(whole.length / 2);
        assertThat(headerSize(BadInputs.hugeMetadataJpeg(3, 200_000), "jpeg")).containsExactly(640, 480);
        assertThat(Renditions.headerMarkers(BadInputs.hugeMetadataJpeg(3, 200_000)))
                .filteredOn(marker -> marker == 0xE1).hasSize(3);
        assertThat(Renditions.headerMarkers(BadInputs.hugeMetadataJpeg(3, 200_000)))
                .filteredOn(marker -> marker == 0xE2).as("ICC profile chunks").hasSize(4);
        assertThat(Renditions.headerMarkers(BadInputs.cmykJpeg())).contains(0xEE);
    }

    @Test
    void contentSniffingSeesThroughTheDisguises() {
        assertThat(sniff(BadInputs.windowsExecutable())).isEqualTo("application/x-msdownload");
        assertThat(sniff(BadInputs.linuxExecutable())).isEqualTo("application/x-executable");
        assertThat(sniff(BadInputs.svgWithScript())).isEqualTo("image/svg+xml");
        assertThat(sniff(BadInputs.svgWithExternalEntity())).isEqualTo("image/svg+xml");
        assertThat(sniff(BadInputs.animatedGif(2))).isEqualTo("image/gif");
        assertThat(sniff(BadInputs.empty())).isEqualTo(ContentSniffer.OCTET_STREAM);
        assertThat(new String(BadInputs.svgWithScript(), StandardCharsets.UTF_8)).contains("onload=", "<script>");
        assertThat(new String(BadInputs.svgWithExternalEntity(), StandardCharsets.UTF_8)).contains("<!ENTITY", "SYSTEM");
    }

    private static String sniff(byte[] bytes) {
        return ContentSniffer.sniff(bytes, bytes.length);
    }

    /** Chunk types in order, each checked against its CRC. */
    private static List<String> chunkTypes(byte[] png) {
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] typeAndData = new byte[4 + length];
            buffer.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertThat(buffer.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
            types.add(type);
        }
        return types;
    }

    private static List<Integer> headerSize(byte[] image, String format) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in);
            return List.of(reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }
}
