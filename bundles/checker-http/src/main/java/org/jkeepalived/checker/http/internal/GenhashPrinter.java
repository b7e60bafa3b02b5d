package org.jkeepalived.checker.http.internal;

import java.io.PrintStream;
import java.util.HexFormat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Prints a fetch as keepalived's genhash prints it. */
final class GenhashPrinter implements ResponseReader.Listener {

    private static final String HTTP_HEADER_HEXA = delimited("    HTTP Header Buffer    ");
    private static final String HTTP_HEADER_ASCII = delimited(" HTTP Header Ascii Buffer ");
    private static final String HTML_HEADER_HEXA = delimited("        HTML Buffer        ");
    private static final String HTML_HASH = delimited("    HTML hash resulting    ");
    private static final String HTML_HASH_FINAL = delimited(" HTML hash final resulting ");

    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    GenhashPrinter(PrintStream out, PrintStream err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /** Verbose: the header as a dump and as text, then the body that came with it as a dump. */
    @Override
    public void head(ByteBuf head, int statusCode, ByteBuf bodyStart) {
        if (!verbose) {
            return;
        }
        out.print(HTTP_HEADER_HEXA);
        HexDump.dump(head, out);
        out.print(HTTP_HEADER_ASCII);
        out.write(ByteBufUtil.getBytes(head), 0, head.readableBytes());
        out.print('\n');
        if (bodyStart.isReadable()) {
            out.print(HTML_HEADER_HEXA);
            HexDump.dump(bodyStart, out);
        }
    }

    /** Verbose: each later read of the body as a dump. */
    @Override
    public void body(ByteBuf chunk) {
        if (verbose) {
            HexDump.dump(chunk, out);
        }
    }

    /**
     * @param result the page or why there is none
     * @return 0 if a digest was printed, else 1
     */
    int result(FetchResult result) {
        if (result instanceof Page) {
            byte[] digest = ((Page) result).digest();
            if (verbose) {
                out.print('\n');
                out.print(HTML_HASH);
                HexDump.dump(Unpooled.wrappedBuffer(digest), out);
                out.print(HTML_HASH_FINAL);
            }
            out.println(HexFormat.of().formatHex(digest));
            return 0;
        }
        FetchFailure failure = (FetchFailure) result;
        if (failure.kind() == FetchFailure.Kind.NO_DATA) {
            err.println(failure.kind().genhashLine());
        } else {
            out.println(failure.kind().genhashLine());
        }
        return 1;
    }

    /**
     * @param path the url's path
     * @param micros how long the fetch took
     */
    void responseTime(String path, long micros) {
        if (verbose) {
            out.print("\nGlobal response time for [" + path + "] = " + micros + " usecs\n");
        }
    }

    private static String delimited(String title) {
        return "-----------------------[" + title + "]-----------------------\n";
    }
}
