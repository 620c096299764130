package org.controlmap.geodata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until more than {@code maxBytes} have been read, then
 * fails. It reads at most one byte past the cap, so a gzip bomb is stopped
 * after {@code maxBytes + 1} decompressed bytes, whatever its ratio.
 */
final class CappedInputStream extends FilterInputStream {

    /** Thrown (wrapped by nothing) when the cap is passed; carries no location. */
    static final class CapExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        /** The cap passed, bytes. */
        final long maxBytes;

        CapExceeded(long maxBytes) {
            super("more than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private final long maxBytes;
    private long count;
    private boolean atEnd;

    CappedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = in.read();
        atEnd |= b < 0;
        if (b >= 0) {
            count++;
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        // Never ask for more than one byte past the cap.
        long room = maxBytes - count + 1;
        int n = in.read(b, off, (int) Math.min(len, room));
        atEnd |= n < 0;
        if (n > 0) {
            count += n;
            check();
        }
        return n;
    }

    /**
     * Whether a read has met the end of the input: a parser that fails after
     * this failed because the input ended (Jackson reads ahead in blocks, so a
     * syntax error in the last block comes before the end is met).
     */
    boolean atEnd() {
        return atEnd;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long done = 0;
        while (done < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws CapExceeded {
        if (count > maxBytes) {
            throw new CapExceeded(maxBytes);
        }
    }
}
