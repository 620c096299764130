package org.controlmap.geodata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Counts what a reader has read (bytes through {@link #count(InputStream)}, features through
 * {@link #count(Consumer)}) and tells a {@link ReadProgress} every {@value #BYTES_STEP} bytes and every
 * {@value #FEATURES_STEP} features: often enough for a line that updates about once a second on a large
 * file, rarely enough to cost nothing per feature.
 */
final class ProgressCounter {
    static final long BYTES_STEP = 1L << 20;
    static final long FEATURES_STEP = 10_000;

    private final ReadProgress progress;
    private final long total;
    private long bytes;
    private long features;
    private long toldBytes;
    private long toldFeatures;

    /** @param total the bytes {@link #count(InputStream)} will count up to, or -1 when unknown */
    ProgressCounter(ReadProgress progress, long total) {
        this.progress = progress;
        this.total = total;
        this.bytes = total < 0 ? -1 : 0;
    }

    /** {@code in}, counting the bytes read through it. */
    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long k = super.skip(n);
                advance(Math.max(0, k));
                return k;
            }
        };
    }

    /** {@code sink}, counting the features handed to it. */
    Consumer<GeoFeature> count(Consumer<GeoFeature> sink) {
        return f -> {
            sink.accept(f);
            features++;
            if (features - toldFeatures >= FEATURES_STEP) {
                tell();
            }
        };
    }

    /** Sets the bytes read so far, for a reader that holds the file in memory (FlatGeobuf). */
    void at(long position) {
        advance(position - bytes);
    }

    private void advance(long n) {
        bytes += n;
        if (bytes - toldBytes >= BYTES_STEP) {
            tell();
        }
    }

    /** Tells the final counts. */
    void finish() {
        tell();
    }

    private void tell() {
        toldBytes = bytes;
        toldFeatures = features;
        progress.update(bytes, total, features);
    }
}
