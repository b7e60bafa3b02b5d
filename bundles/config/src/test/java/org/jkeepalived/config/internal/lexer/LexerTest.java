package org.jkeepalived.config.internal.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.lines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.SplittableRandom;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.Diagnostic;
import org.jkeepalived.config.internal.DiagnosticCollector;
import org.jkeepalived.config.internal.tree.ParsedTree;
import org.jkeepalived.config.internal.tree.TreeBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text level of keepalived.conf(5): comments, quotes, blocks, includes, conditionals, definitions,
 * sequences. The tree is read without binding, so that the words need not be keywords.
 */
class LexerTest {

    /** A tree and the diagnostics of reading it. */
    record ConfigResult(ParsedTree tree, List<Diagnostic> diagnostics) {
    }

    static ConfigResult read(String text) {
        return read("main", lexer -> lexer.open("keepalived.conf", text));
    }

    static ConfigResult read(Path file) {
        return read("main", lexer -> lexer.open(file, file.toString()));
    }

    static ConfigResult read(String configId, java.util.function.Consumer<Lexer> open) {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        Lexer lexer = new Lexer(configId, new SplittableRandom(7), diagnostics);
        open.accept(lexer);
        TreeBuilder builder = new TreeBuilder(diagnostics);
        List<Token> line;
        while (!builder.stopped() && (line = lexer.nextLine()) != null) {
            builder.line(line);
        }
        ParsedTree tree = builder.finish();
        return new ConfigResult(tree, diagnostics.diagnostics());
    }

    static List<String> lines(ConfigResult result) {
        return org.jkeepalived.config.api.Configs.lines(result.tree());
    }

    static List<String> messages(ConfigResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Nested
    class CommentsAndQuotes {

        @Test
        void hashAndBangStartCommentsAnywhereOutsideQuotes() {
            ConfigResult result = read("""
                    ! a comment
                    router_id lb1 # trailing comment
                    notify "/bin/echo #1 !2" ! another
                    script '/bin/x #3'
                    name a\\#b\\!c
                    """);

            assertThat(lines(result)).containsExactly("router_id|lb1", "notify|/bin/echo #1 !2", "script|/bin/x #3",
                    "name|a#b!c");
        }

        @Test
        void quotedPartsThatTouchMakeOneWord() {
            ConfigResult result = read("""
                    a abcd" efg h jkl "mnop
                    b abcd "efg h jkl" mnop
                    c 'one "two" three' ""
                    """);

            assertThat(lines(result)).containsExactly("a|abcd efg h jkl mnop", "b|abcd|efg h jkl|mnop",
                    "c|one \"two\" three|");
        }

        @Test
        void anUnterminatedQuoteIsReportedWhereItStarts() {
            ConfigResult result = read("router_id \"lb1\nvrrp_instance VI_1 {\n}\n");

            assertThat(messages(result)).contains("keepalived.conf:1:11: error: missing closing \" for the string started here");
        }

        @Test
        void aBackslashKeepsAQuoteFromEndingAString() {
            ConfigResult result = read("notify \"say \\\"hi\\\"\"\n");

            assertThat(result.tree().entries().get(0).arguments()).containsExactly("say \\\"hi\\\"");
        }
    }

    @Nested
    class Blocks {

        @Test
        void aBlockOpensOnTheKeywordsLineOrTheNext() {
            ConfigResult result = read("""
                    global_defs {
                        router_id lb1
                    }
                    vrrp_script chk
                    {
                        script true
                    }
                    """);

            assertThat(lines(result)).containsExactly("global_defs {", "  router_id|lb1", "}", "vrrp_script|chk {",
                    "  script|true", "}");
        }

        @Test
        void bracesSplitLinesWhereverTheyAre() {
            ConfigResult result = read("vrrp_instance VI_1 { interface eth0\n virtual_ipaddress { 10.0.0.1 } priority 100 }\n");

            assertThat(lines(result)).containsExactly("vrrp_instance|VI_1 {", "  interface|eth0", "  virtual_ipaddress {",
                    "    10.0.0.1", "  }", "  priority|100", "}");
        }

        @Test
        void everyNodeKnowsItsFileLineAndColumn() {
            ConfigResult result = read("global_defs {\n    router_id \"lb 1\"\n}\n");

            ConfigEntry routerId = result.tree().entries().get(0).block().orElseThrow().entries().get(0);
            assertThat(routerId.location()).isEqualTo(ConfigLocation.of("keepalived.conf", 2, 5));
            assertThat(routerId.argumentLocation(0)).isEqualTo(ConfigLocation.of("keepalived.conf", 2, 15));
            assertThat(result.tree().entries().get(0).block().orElseThrow().location())
                    .isEqualTo(ConfigLocation.of("keepalived.conf", 1, 1));
        }

        @Test
        void aBlockNeverClosedIsReportedAtItsBrace() {
            ConfigResult result = read("global_defs {\n    router_id lb1\n\nvrrp_instance VI_1 {\n");

            assertThat(messages(result)).containsSubsequence(
                    "keepalived.conf:1:13: error: this '{' of global_defs is never closed: expected '}' before the end of the configuration",
                    "keepalived.conf:4:20: error: this '{' of vrrp_instance is never closed: expected '}' before the end of the configuration");
        }

        @Test
        void aStrayBraceIsReportedWhereItIs() {
            ConfigResult result = read("global_defs {\n}\n}\n{\n");

            assertThat(messages(result)).containsExactly(
                    "keepalived.conf:3:1: error: unexpected '}': no block is open here",
                    "keepalived.conf:4:1: error: unexpected '{': a block opens after its keyword, as in 'vrrp_instance VI_1 {'",
                    "keepalived.conf:4:1: error: this '{' is never closed: expected '}' before the end of the configuration");
        }

        @Test
        void deepNestingStopsReadingWithAnError() {
            ConfigResult result = read("a {\n".repeat(100));

            assertThat(messages(result)).contains("keepalived.conf:65:3: error: blocks nested more than 64 deep; the rest is not read");
        }
    }

    @Nested
    class LineContinuation {

        @Test
        void aBackslashAtTheEndJoinsTheNextLine() {
            ConfigResult result = read("""
                    lvs_sync_daemon eth0 inst VI_1 \\
                                    id 7 \\
                                    port 8848
                    next line
                    """);

            assertThat(lines(result)).containsExactly("lvs_sync_daemon|eth0|inst|VI_1|id|7|port|8848", "next|line");
            assertThat(result.tree().entries().get(0).argumentLocation(3)).isEqualTo(ConfigLocation.of("keepalived.conf", 2, 17));
        }

        @Test
        void anEscapedBackslashDoesNotContinue() {
            assertThat(lines(read("a b\\\\\nc\n"))).containsExactly("a|b\\\\", "c");
        }
    }

    @Nested
    class Conditionals {

        @Test
        void aLineForAnotherConfigIdIsDropped() {
            ConfigResult result = read("""
                    @main router_id main_router
                    @backup router_id backup_router
                    unicast_peer {
                        @^main    1.2.3.4
                        @^backup  1.2.3.5
                        @^backup2 1.2.3.6
                    }
                    @main
                    """);

            assertThat(lines(result)).containsExactly("router_id|main_router", "unicast_peer {", "  1.2.3.5", "  1.2.3.6", "}");
        }

        @Test
        void theConfigIdComesFromTheReader() {
            ConfigResult result = read("main", lexer -> lexer.open("x.conf", "@main a\n@lb2 b\n"));
            ConfigResult other = read("lb2", lexer -> lexer.open("x.conf", "@main a\n@lb2 b\n"));

            assertThat(lines(result)).containsExactly("a");
            assertThat(lines(other)).containsExactly("b");
        }
    }

    @Nested
    class Definitions {

        @Test
        void aDefinitionIsSubstitutedWithOrWithoutBraces() {
            ConfigResult result = read("""
                    $IF=eth0
                    $PRIO=150
                    interface $IF
                    priority ${PRIO}0
                    label ${IF}:1 $IF,x $UNDEFINED ${ALSO_UNDEFINED}
                    """);

            assertThat(lines(result)).containsExactly("interface|eth0", "priority|1500",
                    "label|eth0:1|eth0,x|$UNDEFINED|${ALSO_UNDEFINED}");
        }

        @Test
        void substitutionIsRecursiveAndLazy() {
            ConfigResult result = read("""
                    $ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}
                    $ADDRESS_BASE_SUB=0
                    ${ADDRESS_BASE}.100/32
                    $ADDRESS_BASE_SUB=10
                    ${ADDRESS_BASE}.100/32
                    """);

            assertThat(lines(result)).containsExactly("10.2.0.100/32", "10.2.10.100/32");
        }

        @Test
        void definitionsWorkWithConditionals() {
            ConfigResult result = read("""
                    @main $PRIORITY=240
                    @backup $PRIORITY=200
                    priority $PRIORITY
                    $IF_MAIN=@main
                    $IF_BACKUP=@backup
                    $IF_MAIN state MASTER
                    $IF_BACKUP state BACKUP
                    """);

            assertThat(lines(result)).containsExactly("priority|240", "state|MASTER");
        }

        @Test
        void aMultiLineDefinitionExpandsIntoLines() {
            ConfigResult result = read("""
                    $INSTANCE= \\
                    vrrp_instance VI_${NUM} { \\
                        interface eth0.${NUM} \\
                        @main priority 130 \\
                        @low priority 120 \\
                        virtual_ipaddress { \\
                            10.0.${NUM}.254/24 \\
                        } \\
                    }

                    $NUM=0
                    $INSTANCE
                    $NUM=1
                    $INSTANCE
                    """);

            assertThat(lines(result)).containsExactly(
                    "vrrp_instance|VI_0 {", "  interface|eth0.0", "  priority|130", "  virtual_ipaddress {", "    10.0.0.254/24",
                    "  }", "}",
                    "vrrp_instance|VI_1 {", "  interface|eth0.1", "  priority|130", "  virtual_ipaddress {", "    10.0.1.254/24",
                    "  }", "}");
            assertThat(result.tree().entries().get(1).location()).isEqualTo(ConfigLocation.of("keepalived.conf", 14, 1));
        }

        @Test
        void multiLineDefinitionsNest() {
            ConfigResult result = read("""
                    $RS= \\
                    real_server 192.168.${VS}.${RS_NUM} 80 { \\
                        weight 1 \\
                    }
                    $VS_BODY= \\
                    virtual_server 10.0.${VS}.4 80 { \\
                        $RS_NUM=1 \\
                        $RS \\
                        $RS_NUM=2 \\
                        $RS \\
                    }
                    $VS=7
                    $VS_BODY
                    """);

            assertThat(lines(result)).containsExactly("virtual_server|10.0.7.4|80 {", "  real_server|192.168.7.1|80 {",
                    "    weight|1", "  }", "  real_server|192.168.7.2|80 {", "    weight|1", "  }", "}");
        }

        @Test
        void predefinedDefinitions() throws IOException {
            ConfigResult result = read("""
                    a ${_INSTANCE}
                    b ${_HASH}${_BANG}
                    c ${_RANDOM 5 5} ${_RANDOM 3 4}
                    d ${_PWD}
                    """);

            assertThat(lines(result).subList(0, 2)).containsExactly("a|main", "b|#!");
            assertThat(result.tree().entries().get(2).arguments().get(0)).isEqualTo("5");
            assertThat(result.tree().entries().get(2).arguments().get(1)).isIn("3", "4");
            assertThat(result.tree().entries().get(3).arguments()).containsExactly(Path.of("").toAbsolutePath().toString());
        }

        @Test
        void aDefinitionOfItselfIsStopped() {
            ConfigResult result = read("$A=x $A\nrouter_id $A\nnext\n");

            assertThat(messages(result)).containsExactly(
                    "keepalived.conf:2:11: error: $A expands without end: a definition that refers to itself? The line is dropped");
            assertThat(lines(result)).containsExactly("next");
        }
    }

    @Nested
    class Sequences {

        @Test
        void seqRepeatsTheRestOfTheLine() {
            assertThat(lines(read("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1\n"))).containsExactly(
                    "ip_address|10.0.0.1", "ip_address|10.0.1.1", "ip_address|10.0.2.1", "ip_address|10.0.3.1");
        }

        @Test
        void seqxCountsInHexadecimal() {
            assertThat(lines(read("~SEQx(SUBNET, 0x90, 0x10, 0xc0) ip_address fe80::20:${SUBNET}:1\n"))).containsExactly(
                    "ip_address|fe80::20:90:1", "ip_address|fe80::20:a0:1", "ip_address|fe80::20:b0:1",
                    "ip_address|fe80::20:c0:1");
        }

        @Test
        void seqDefaultsItsStartAndStep() {
            assertThat(lines(read("~SEQ(N, 3) a $N\n~SEQ(N, 5, 3) b $N\n~SEQ(N, -2) c $N\n"))).containsExactly(
                    "a|1", "a|2", "a|3", "b|5", "b|4", "b|3", "c|-1", "c|-2");
        }

        @Test
        void sequencesNestLeftToRight() {
            assertThat(lines(read("~SEQx(AD2, 0x90, 0x10, 0xa0) ~SEQx(AD1, 0x12, -1, 0x11) fe81::10:${AD2}:${AD1}\n")))
                    .containsExactly("fe81::10:90:12", "fe81::10:90:11", "fe81::10:a0:12", "fe81::10:a0:11");
        }

        @Test
        void lstTakesValuesOrTuples() {
            assertThat(lines(read("~LST({IP, IP1}, {10,1},{20,4}) ~SEQ(IP2,168,2,170) 192.${IP2}.${IP}.${IP1}\n")))
                    .containsExactly("192.168.10.1", "192.170.10.1", "192.168.20.4", "192.170.20.4");
            assertThat(lines(read("~LST(IF, eth0, eth1) interface $IF\n"))).containsExactly("interface|eth0", "interface|eth1");
        }

        @Test
        void aSequenceCanRepeatAMultiLineDefinition() {
            ConfigResult result = read("""
                    $VI= \\
                    vrrp_instance vi${ID} { \\
                        virtual_router_id ${ID} \\
                    }
                    ~SEQ(ID,1,2) $VI
                    """);

            assertThat(lines(result)).containsExactly("vrrp_instance|vi1 {", "  virtual_router_id|1", "}",
                    "vrrp_instance|vi2 {", "  virtual_router_id|2", "}");
        }

        @Test
        void badSequencesAreReported() {
            ConfigResult result = read("~SEQ(N, 1, -1, 5) a\n~SEQ N\n~SEQx(N, -1, 2) a\n~LST({A,B},{1}) x\n");

            assertThat(messages(result)).containsExactly(
                    "keepalived.conf:1:1: error: '~SEQ(N, 1, -1, 5)': STEP -1 does not lead from 1 to 5",
                    "keepalived.conf:2:1: error: '~SEQ N' is not a valid sequence: expected ~SEQ(VAR, START, STEP, END), "
                            + "~SEQ(VAR, START, END) or ~SEQ(VAR, END)",
                    "keepalived.conf:3:1: error: '~SEQx(N, -1, 2)': ~SEQx takes numbers from 0 up",
                    "keepalived.conf:4:1: error: '~LST({A,B},{1})': {1} has 1 values for 2 variables");
            assertThat(lines(result)).isEmpty();
        }

        @Test
        void aSequenceWithoutEndIsStopped() {
            ConfigResult result = read("~SEQ(N, 0, 9223372036854775806) a $N\n");

            assertThat(messages(result)).containsExactly("keepalived.conf:1:33: error: the configuration expands to more than "
                    + "1000000 lines: a sequence or definition without end? Reading stops here");
        }
    }

    @Nested
    class Includes {

        @TempDir
        Path directory;

        @Test
        void includedFilesAreReadInPlaceRelativeToTheIncludingFile() throws IOException {
            Files.createDirectories(directory.resolve("conf.d/sub"));
            Files.writeString(directory.resolve("conf.d/b.conf"), "b\n");
            Files.writeString(directory.resolve("conf.d/a.conf"), "a\ninclude sub/*.conf\n");
            Files.writeString(directory.resolve("conf.d/sub/c.conf"), "c\n");
            Files.writeString(directory.resolve("conf.d/.hidden.conf"), "hidden\n");
            Path main = write("keepalived.conf", "first\ninclude conf.d/*.conf\nlast\n");

            ConfigResult result = read(main);

            assertThat(lines(result)).containsExactly("first", "a", "c", "b", "last");
            assertThat(result.tree().entries().get(2).location().file()).isEqualTo(directory.resolve("conf.d/sub/c.conf").toString());
            assertThat(result.diagnostics()).isEmpty();
        }

        @Test
        void bracesNameSeveralFiles() throws IOException {
            write("x.conf", "x\n");
            write("y.conf", "y\n");
            Path main = write("keepalived.conf", "include {y,x}.conf\n");

            assertThat(lines(read(main))).containsExactly("y", "x");
        }

        @Test
        void aMissingFileIsAnErrorButAWildcardMayMatchNothing() throws IOException {
            Path main = write("keepalived.conf", "include missing.conf\ninclude conf.d/*.conf\nincludew none/*.conf\n");

            ConfigResult result = read(main);

            assertThat(messages(result)).containsExactly(
                    main + ":1:9: error: cannot include 'missing.conf': no such file " + directory.resolve("missing.conf"),
                    main + ":3:10: error: cannot include 'none/*.conf': no file matches " + directory.resolve("none/*.conf"));
        }

        @Test
        void aFileIncludingItselfIsReported() throws IOException {
            Path main = write("keepalived.conf", "a\ninclude keepalived.conf\n");

            ConfigResult result = read(main);

            assertThat(messages(result)).containsExactly(
                    main + ":2:9: error: cannot include " + main + ": it is already being read (include loop)");
            assertThat(lines(result)).containsExactly("a");
        }

        @Test
        void aMainFileThatCannotBeReadSaysSo() {
            ConfigResult result = read(directory.resolve("nothing.conf"));

            assertThat(messages(result)).containsExactly(directory.resolve("nothing.conf") + ": error: cannot read: no such file");
        }

        @Test
        void anIncludeNeedsOneFile() {
            assertThat(messages(read("include a b\n"))).containsExactly(
                    "keepalived.conf:1:1: error: include takes one file name or pattern: include /etc/keepalived/conf.d/*.conf");
        }

        private Path write(String name, String text) throws IOException {
            return Files.writeString(directory.resolve(name), text);
        }
    }
}
