package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VRRP adverts one router sends, as tcpdump sees them arrive on another interface: the kernel's
 * capture time of each, in seconds since the epoch, and its priority.
 */
final class AdvertCapture implements AutoCloseable {

    private static final Pattern ADVERT = Pattern.compile("^(\\d+\\.\\d+) IP (\\S+) > 224\\.0\\.0\\.18: VRRPv\\d, Advertisement, "
            + "vrid \\d+, prio (\\d+)");

    /**
     * @param at capture time, seconds since the epoch
     * @param priority the priority it carried
     */
    record Advert(double at, int priority) {
    }

    private final Process tcpdump;
    private final Thread reader;
    private final List<Advert> adverts = new ArrayList<>();

    private AdvertCapture(Process tcpdump, String sender) {
        this.tcpdump = tcpdump;
        this.reader = new Thread(() -> read(sender), "tcpdump");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param device where the adverts arrive
     * @param sender the address they come from
     */
    static AdvertCapture start(String device, String sender) throws IOException {
        return new AdvertCapture(new ProcessBuilder("tcpdump", "-i", device, "-n", "-tt", "-l", "vrrp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(), sender);
    }

    /** @return the adverts seen so far, in order */
    List<Advert> adverts() {
        synchronized (adverts) {
            return List.copyOf(adverts);
        }
    }

    private void read(String sender) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(tcpdump.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher advert = ADVERT.matcher(line);
                if (advert.find() && advert.group(2).equals(sender)) {
                    synchronized (adverts) {
                        adverts.add(new Advert(Double.parseDouble(advert.group(1)), Integer.parseInt(advert.group(3))));
                    }
                }
            }
        } catch (IOException e) {
            // the capture ended
        }
    }

    /**
     * The longest silence that covers part of a period: between two consecutive adverts of which the
     * later one comes after {@code from} and the earlier one before {@code to}.
     *
     * @param from start of the period, seconds since the epoch
     * @param to its end
     * @return the gap in seconds, or infinity if no advert came from then on
     */
    double longestGap(double from, double to) {
        List<Advert> all = adverts();
        double longest = 0;
        boolean after = false;
        for (int i = 1; i < all.size(); i++) {
            double earlier = all.get(i - 1).at();
            double later = all.get(i).at();
            if (later > from && earlier < to) {
                longest = Math.max(longest, later - earlier);
                after = after || later >= to;
            }
        }
        return after ? longest : Double.POSITIVE_INFINITY;
    }

    /** @return adverts in the period that carried another priority than {@code priority} */
    long otherPriorities(double from, double to, int priority) {
        return adverts().stream().filter(advert -> advert.at() >= from && advert.at() <= to && advert.priority() != priority).count();
    }

    @Override
    public void close() throws InterruptedException {
        tcpdump.destroy();
        reader.join(5000);
    }
}
