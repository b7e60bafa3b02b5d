package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jkeepalived.testing.netns.KernelVm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two routers whose link netem delays or makes lossy, under a real kernel: {@link NetemScenarios}
 * runs once in a virtual machine (kernel-vm: the host's files, a Debian kernel with sch_netem) and
 * prints a timeline of both routers' states and virtual addresses per scenario; each test here
 * judges one. The first router (priority 150) is master; netem acts on its eth0, so what it sends
 * reaches the backup (priority 100) late or not at all. Skipped where kernel-vm is not beside the
 * project or the tests do not run as root.
 *
 * <p>The bounds come from RFC 3768 section 6: with advert_int 1 s the backup takes over once it has
 * heard nothing for Master_Down_Interval = 3 s + (256 - 100) / 256 s, and a master that hears an
 * advert of higher priority steps down at once (6.4.3). The routers run in an emulated CPU beside
 * other work, so each bound gets {@link #SLACK} for late timers and commands.
 */
class VrrpNetemTest {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpNetemTest.class);
    private static final String[] MODULES = {"sch_netem", "veth", "bridge"};
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final long ADVERT_INT = 1000;
    private static final long MASTER_DOWN = 3000 + (256 - 100) * 1000 / 256;
    /** What an emulated CPU shared with other work may add to a timer or a command, in ms. */
    private static final long SLACK = 1500;
    private static final String MASTER = "MASTER";
    private static final String BACKUP = "BACKUP";

    private static Map<String, String> sections;

    @BeforeAll
    static void runTheScenariosUnderARealKernel() throws Exception {
        sections = KernelVm.withModules(MODULES)
                .javaOption("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .sections(NetemScenarios.class, NetemScenarios.SECTION, "end", TIMEOUT);
        sections.forEach((name, timeline) -> LOG.info("under netem, {}:\n{}", name, timeline));
    }

    @Test
    void aJitteryDelayBelowMasterDownMovesNothing() {
        Timeline timeline = timeline("jitter");
        timeline.assertUnmoved(timeline.start());
        assertThat(timeline.receivedDuring(timeline.on.to, timeline.off.from)).as("adverts the backup accepted, late but steady")
                .isGreaterThanOrEqualTo((timeline.off.from - timeline.on.to) / ADVERT_INT - 2);
    }

    @Test
    void aDelayBeyondMasterDownLetsTheBackupTakeOverUntilTheLateAdvertsArrive() {
        long delay = 4000;
        Timeline timeline = timeline("delay shorter than the fault");
        Episode overlap = timeline.singleOverlap();
        assertThat(overlap.start - timeline.on.from).as("takeover after the delay began").isPositive()
                .isLessThanOrEqualTo(timeline.on.to - timeline.on.from + MASTER_DOWN + SLACK);
        // the last advert heard in time came at most Master_Down before the takeover; the next one, sent
        // advert_int later, arrives after the delay and ends the overlap: delay + advert_int - Master_Down
        assertThat(overlap.length()).as("two masters, until the first late advert").isLessThanOrEqualTo(delay + ADVERT_INT - MASTER_DOWN + SLACK);
        assertThat(overlap.end).as("the late adverts, not the end of the delay, end the overlap").isLessThan(timeline.off.from);
        timeline.assertFirstAlwaysMasterWithTheAddress();
        timeline.assertSecondsAddressOnlyWhileMaster();
        timeline.assertUnmoved(overlap.end);
    }

    @Test
    void aDelayLongerThanTheFaultEndsWithOneMasterAnAdvertAfterItIsLifted() {
        Timeline timeline = timeline("delay longer than the fault");
        Episode overlap = timeline.singleOverlap();
        assertThat(overlap.start - timeline.on.from).as("takeover after the delay began").isPositive()
                .isLessThanOrEqualTo(timeline.on.to - timeline.on.from + MASTER_DOWN + SLACK);
        assertThat(overlap.end).as("nothing from the master arrives while the delay lasts").isGreaterThanOrEqualTo(timeline.off.from);
        long toOneMaster = overlap.end - timeline.off.to;
        LOG.info("one master {} ms after the 8 s delay was lifted", toOneMaster);
        assertThat(toOneMaster).as("from the lifting of the delay to one master: the master's next advert, or its answer to the backup's")
                .isLessThanOrEqualTo(ADVERT_INT + SLACK);
        timeline.assertFirstAlwaysMasterWithTheAddress();
        timeline.assertSecondsAddressOnlyWhileMaster();
        // the adverts that sat in the delay still arrive for 8 s: stale but of higher priority, they move nothing
        timeline.assertUnmoved(overlap.end);
    }

    @Test
    void aTwoSecondBlackoutShorterThanMasterDownMovesNothing() {
        Timeline timeline = timeline("blackout");
        // the longest silence the backup can hear: the blackout plus the interval to the last advert before it
        assertThat(timeline.off.to - timeline.on.from + ADVERT_INT).as("the blackout leaves the backup's silence under Master_Down")
                .isLessThan(MASTER_DOWN);
        assertThat(timeline.longestSilence()).as("the backup's longest wait for an advert: the blackout bit").isGreaterThanOrEqualTo(1900);
        timeline.assertUnmoved(timeline.start());
    }

    @Test
    void underFivePercentLossAndDuplicatesThereIsAlwaysOneMasterAndOneAddress() {
        assertLossyLinkKeepsAMaster(timeline("loss 5%"));
    }

    @Test
    void underThirtyPercentLossThereIsAlwaysOneMasterAndOneAddress() {
        Timeline timeline = timeline("loss 30%");
        assertThat(timeline.receivedDuring(timeline.on.to, timeline.off.from)).as("adverts accepted under 30% loss: some were lost")
                .isLessThan((timeline.off.from - timeline.on.to) / ADVERT_INT);
        assertLossyLinkKeepsAMaster(timeline);
    }

    @Test
    void theRoutersRanEveryScenarioToTheEnd() {
        assertThat(sections.get("end")).isEqualTo("first MASTER, second BACKUP\n");
    }

    /**
     * Loss only delays the backup's hearing of the master: the master never sees a reason to step
     * down, so there is a master and the address at every moment. The backup may take over after
     * three adverts lost in a row; the overlap then lasts until the first advert it accepts, which
     * makes it step down at once (RFC 3768 6.4.3): within an overlap the backup accepts at most that
     * one advert.
     */
    private static void assertLossyLinkKeepsAMaster(Timeline timeline) {
        timeline.assertFirstAlwaysMasterWithTheAddress();
        timeline.assertSecondsAddressOnlyWhileMaster();
        for (Episode overlap : timeline.overlaps()) {
            assertThat(timeline.receivedDuring(overlap.start, overlap.end - 1)).as("adverts the backup accepted while master in " + overlap)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(timeline.secondState(timeline.end())).as("the backup at the end").isEqualTo(BACKUP);
    }

    private static Timeline timeline(String name) {
        assertThat(sections).as("sections of the report").containsKey(name);
        Timeline timeline = Timeline.parse(sections.get(name));
        LOG.info("{}: two masters {}, backup's takeovers {}, backup's longest wait for an advert {} ms", name, timeline.overlaps(),
                timeline.overlaps().size(), timeline.longestSilence());
        return timeline;
    }

    /** A stretch of the timeline, {@code start} inclusive, {@code end} exclusive. */
    private record Episode(long start, long end) {

        long length() {
            return end - start;
        }

        @Override
        public String toString() {
            return start + "-" + end + " ms (" + length() + " ms)";
        }
    }

    /** From a {@code tc} command's start to its end. */
    private record NetemChange(long from, long to, String options) {
    }

    private record Sample(long at, String first, boolean firstVip, String second, boolean secondVip, long received) {

        static Sample parse(String[] fields) {
            return new Sample(Long.parseLong(fields[0]), fields[1], fields[2].equals("vip"), fields[3], fields[4].equals("vip"),
                    Long.parseLong(fields[5]));
        }
    }

    /**
     * One scenario's samples, each holding until the next, and its two netem changes: the fault
     * ({@link #on}) and its end ({@link #off}).
     */
    private record Timeline(String text, List<Sample> samples, NetemChange on, NetemChange off) {

        static Timeline parse(String text) {
            assertThat(text).as("the routers converged before the fault").contains("converged in ");
            assertThat(text).as("the routers and their kernels answered every sample").doesNotContain("no answer");
            List<Sample> samples = new ArrayList<>();
            List<NetemChange> changes = new ArrayList<>();
            for (String line : text.lines().toList()) {
                String[] fields = line.split(" ");
                if (fields.length >= 3 && fields[2].equals("netem")) {
                    changes.add(new NetemChange(Long.parseLong(fields[0]), Long.parseLong(fields[1]), line.substring(line.indexOf("netem"))));
                } else if (fields.length == 6 && Character.isDigit(line.charAt(0))) {
                    samples.add(Sample.parse(fields));
                }
            }
            assertThat(changes).as("netem on, then off").hasSize(2);
            assertThat(samples).as("samples").isNotEmpty();
            return new Timeline(text, samples, changes.get(0), changes.get(1));
        }

        long start() {
            return samples.get(0).at;
        }

        long end() {
            return samples.get(samples.size() - 1).at;
        }

        Sample at(long time) {
            Sample current = samples.get(0);
            for (Sample sample : samples) {
                if (sample.at > time) {
                    break;
                }
                current = sample;
            }
            return current;
        }

        String secondState(long time) {
            return at(time).second;
        }

        /** The longest time between two samples where the backup had accepted one more advert. */
        long longestSilence() {
            long longest = 0;
            Sample heard = samples.get(0);
            for (Sample sample : samples) {
                if (sample.received != heard.received) {
                    longest = Math.max(longest, sample.at - heard.at);
                    heard = sample;
                }
            }
            return longest;
        }

        long receivedDuring(long from, long to) {
            return at(to).received - at(from).received;
        }

        /** The stretches where the predicate held. */
        List<Episode> episodes(Predicate<Sample> holds) {
            List<Episode> episodes = new ArrayList<>();
            Long since = null;
            for (Sample sample : samples) {
                if (holds.test(sample) && since == null) {
                    since = sample.at;
                } else if (!holds.test(sample) && since != null) {
                    episodes.add(new Episode(since, sample.at));
                    since = null;
                }
            }
            if (since != null) {
                episodes.add(new Episode(since, end()));
            }
            return episodes;
        }

        List<Episode> overlaps() {
            return episodes(sample -> sample.first.equals(MASTER) && sample.second.equals(MASTER));
        }

        Episode singleOverlap() {
            List<Episode> overlaps = overlaps();
            assertThat(overlaps).as("times both were master in\n" + text).hasSize(1);
            return overlaps.get(0);
        }

        void assertFirstAlwaysMasterWithTheAddress() {
            assertThat(episodes(sample -> !sample.first.equals(MASTER) || !sample.firstVip))
                    .as("times the first router was not master with the address in\n" + text).isEmpty();
        }

        /**
         * The backup holds the address only while master, and a moment after: it removes the address
         * as it steps down.
         */
        void assertSecondsAddressOnlyWhileMaster() {
            List<Episode> overlaps = overlaps();
            for (Episode held : episodes(sample -> sample.secondVip)) {
                assertThat(overlaps).as("the backup's address " + held + " within a time it was master, in\n" + text)
                        .anyMatch(overlap -> overlap.start <= held.start && held.end <= overlap.end + SLACK);
            }
        }

        /**
         * From {@code since} on, the first is master with the address and the second is backup; where
         * the second's address may be is for {@link #assertSecondsAddressOnlyWhileMaster()} to judge.
         */
        void assertUnmoved(long since) {
            List<Episode> moved = episodes(sample -> sample.at >= since
                    && !(sample.first.equals(MASTER) && sample.firstVip && sample.second.equals(BACKUP)));
            assertThat(moved).as("times from " + since + " ms the master moved, in\n" + text).isEmpty();
            assertSecondsAddressOnlyWhileMaster();
        }
    }
}
