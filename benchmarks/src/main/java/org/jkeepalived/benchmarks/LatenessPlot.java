package org.jkeepalived.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws lateness distributions as complementary CDFs on a log scale (the share of adverts later than
 * x), one panel per instance, one curve per run: the tail, where p99 and the maximum live, stays
 * readable. Plain Java 2D, headless.
 */
final class LatenessPlot {

    private static final int PANEL_WIDTH = 560;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};

    private LatenessPlot() {
    }

    static void write(Path file, Map<String, AdvertTimingSideBySide.Series> runs) throws IOException {
        List<String> instances = List.of("VRRPv2 advert_int 1", "VRRPv3 advert_int 0.1");
        BufferedImage image = new BufferedImage(PANEL_WIDTH * instances.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int panel = 0; panel < instances.size(); panel++) {
            drawPanel(g, panel * PANEL_WIDTH, instances.get(panel), runs);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawPanel(Graphics2D g, int left, String instance, Map<String, AdvertTimingSideBySide.Series> runs) {
        double maxMillis = runs.values().stream().flatMap(run -> run.lateness().getOrDefault(instance, List.of()).stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        maxMillis = Math.max(1, Math.ceil(maxMillis));
        int x0 = left + MARGIN;
        int y0 = HEIGHT - MARGIN;
        int width = PANEL_WIDTH - 2 * MARGIN;
        int height = HEIGHT - 2 * MARGIN;
        int decades = 5;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString("Advert lateness, " + instance, x0, MARGIN - 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(x0, MARGIN, width, height);
        for (int tick = 0; tick <= 4; tick++) {
            int x = x0 + width * tick / 4;
            g.drawString(String.format("%.1f", maxMillis * tick / 4), x - 8, y0 + 15);
        }
        g.drawString("ms later than the interval", x0 + width / 2 - 60, y0 + 32);
        for (int decade = 0; decade <= decades; decade++) {
            int y = MARGIN + height * decade / decades;
            g.drawString(decade == 0 ? "1" : "1e-" + decade, x0 - 35, y + 4);
        }
        g.drawString("share later", left + 5, MARGIN - 8);

        int color = 0;
        for (Map.Entry<String, AdvertTimingSideBySide.Series> run : runs.entrySet()) {
            List<Double> sorted = run.getValue().lateness().getOrDefault(instance, List.of()).stream().sorted().toList();
            g.setColor(COLORS[color % COLORS.length]);
            g.setStroke(new BasicStroke(run.getKey().startsWith("jkeepalived") ? 2f : 1.5f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND, 1f, run.getKey().endsWith("idle") ? null : new float[] {6f, 4f}, 0f));
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < sorted.size(); i++) {
                double share = (sorted.size() - i) / (double) sorted.size();
                int x = x0 + (int) (width * Math.min(1, sorted.get(i) / maxMillis));
                int y = MARGIN + (int) (height * Math.min(1, -Math.log10(share) / decades));
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawString(run.getKey(), x0 + width - 130, MARGIN + 18 + 16 * color);
            color++;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
