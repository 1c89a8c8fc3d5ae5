package dev.mediapipeline.fn.extracttext;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Pages of known text drawn with Java2D, the way a scanner would deliver them. */
final class Scans {

    static final int DPI = 300;

    private Scans() {
    }

    /** How a page is drawn: font, size in points, rotation of the sheet, scanner noise. */
    record Look(String family, int style, float points, double skewDegrees, double noise) {

        static Look clean(String family, float points) {
            return new Look(family, Font.PLAIN, points, 0, 0);
        }

        Look skewed(double degrees, double noiseLevel) {
            return new Look(family, style, points, degrees, noiseLevel);
        }
    }

    /** A grey page {@code widthInches} wide, as tall as the text needs, text wrapped at word boundaries. */
    static BufferedImage page(String text, Look look, double widthInches) {
        int width = (int) Math.round(widthInches * DPI);
        int margin = DPI / 3;
        Font font = new Font(look.family(), look.style(), 1).deriveFont(look.points() * DPI / 72f);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D measuring = probe.createGraphics();
        FontMetrics metrics = measuring.getFontMetrics(font);
        List<String> lines = wrap(text, metrics, width - 2 * margin);
        measuring.dispose();
        int lineHeight = Math.round(metrics.getHeight() * 1.2f);
        int height = 2 * margin + lines.size() * lineHeight;

        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.transform(AffineTransform.getRotateInstance(Math.toRadians(look.skewDegrees()), width / 2.0, height / 2.0));
        g.setColor(new Color(0x20, 0x20, 0x20));
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), margin, margin + metrics.getAscent() + i * lineHeight);
        }
        g.dispose();
        if (look.noise() > 0) {
            addNoise(page, look.noise(), new Random(42));
        }
        return page;
    }

    /** A white page with nothing on it, as a scanner delivers an empty sheet: a few grey specks. */
    static BufferedImage blank(double widthInches, double heightInches) {
        BufferedImage page = new BufferedImage((int) (widthInches * DPI), (int) (heightInches * DPI),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        addNoise(page, 0.02, new Random(7));
        return page;
    }

    private static void addNoise(BufferedImage page, double level, Random random) {
        int amplitude = (int) Math.round(255 * level);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int grey = page.getRaster().getSample(x, y, 0) + random.nextInt(2 * amplitude + 1) - amplitude;
                page.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, grey)));
            }
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
