package dev.newsflow.jobs.functions.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body within the policy's limits: at most {@code maxBodyBytes} on the wire and at
 * most {@code maxDecompressedBytes} after undoing gzip or deflate, so a small gzip bomb is refused
 * after reading only as much as the limit. The HTTP client's own decompression is off because it
 * has no such limit.
 */
final class BodyReader {

    private final long maxWireBytes;
    private final long maxDecodedBytes;

    BodyReader(FetchPolicy policy) {
        this.maxWireBytes = policy.maxBodyBytes();
        this.maxDecodedBytes = policy.maxDecompressedBytes();
    }

    /** Refuses up front when the declared {@code Content-Length} is already over the limit. */
    void checkDeclaredLength(long contentLength) throws FetchAbort {
        if (contentLength > maxWireBytes) {
            throw refuse(
                    "body exceeds "
                            + Human.bytes(maxWireBytes)
                            + " bytes (Content-Length "
                            + Human.bytes(contentLength)
                            + ")");
        }
    }

    byte[] read(InputStream wire, String contentEncoding, Deadline deadline)
            throws IOException, FetchAbort {
        String encoding = encoding(contentEncoding);
        InputStream capped = new CappedInputStream(wire, maxWireBytes);
        Inflater inflater = null;
        try {
            InputStream decoded;
            long limit;
            switch (encoding) {
                case "identity" -> {
                    decoded = capped;
                    limit = maxWireBytes;
                }
                case "gzip", "x-gzip" -> {
                    decoded = new GZIPInputStream(capped, 8192);
                    limit = maxDecodedBytes;
                }
                case "deflate" -> {
                    BufferedInputStream buffered = new BufferedInputStream(capped, 8192);
                    inflater = new Inflater(!hasZlibHeader(buffered));
                    decoded = new InflaterInputStream(buffered, inflater, 8192);
                    limit = maxDecodedBytes;
                }
                default -> throw refuse("unsupported content encoding " + encoding);
            }
            return copy(decoded, limit, encoding, deadline);
        } catch (ZipException e) {
            throw refuse("corrupt " + encoding + " body: " + e.getMessage());
        } catch (EOFException e) { // the connection ended early; the next try may get it all
            throw new FetchAbort(
                    FetchResult.Failed.transientFailure("truncated " + encoding + " body"));
        } catch (WireLimitExceeded e) {
            throw refuse("body exceeds " + Human.bytes(maxWireBytes) + " bytes");
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static byte[] copy(InputStream in, long limit, String encoding, Deadline deadline)
            throws IOException, FetchAbort {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            if (out.size() + (long) n > limit) {
                throw refuse(
                        encoding.equals("identity")
                                ? "body exceeds " + Human.bytes(limit) + " bytes"
                                : "decompressed body exceeds "
                                        + Human.bytes(limit)
                                        + " bytes ("
                                        + encoding
                                        + ")");
            }
            out.write(buffer, 0, n);
            deadline.check();
        }
        return out.toByteArray();
    }

    /** A zlib stream (RFC 1950) as the spec says, or raw deflate as some servers send. */
    private static boolean hasZlibHeader(BufferedInputStream in) throws IOException {
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        return cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }

    /** "gzip", "deflate", "identity", ...; a stack of several real codings is not supported. */
    private static String encoding(String header) throws FetchAbort {
        if (header == null) {
            return "identity";
        }
        List<String> codings =
                Arrays.stream(header.toLowerCase(Locale.ROOT).split(","))
                        .map(String::trim)
                        .filter(c -> !c.isEmpty() && !c.equals("identity"))
                        .toList();
        if (codings.size() > 1) {
            throw refuse("unsupported content encoding " + String.join(", ", codings));
        }
        return codings.isEmpty() ? "identity" : codings.get(0);
    }

    private static FetchAbort refuse(String reason) {
        return new FetchAbort(FetchResult.Failed.permanent(reason));
    }

    /** Signals, through decompressors that only pass IOExceptions on, a wire-limit breach. */
    private static final class WireLimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class CappedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws WireLimitExceeded {
            count += n;
            if (count > max) {
                throw new WireLimitExceeded();
            }
        }
    }
}
