package org.controlmap.geodata;

import org.controlmap.InputException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * What an input is before it is parsed: gzip or not (by its magic bytes 1f 8b,
 * whatever the file is called), and for text read whole, whether it is UTF-8,
 * so that a Latin-1 or UTF-16 file is refused as such instead of being read as
 * replacement characters and reported as unknown names.
 */
public final class InputSniffer {
    private InputSniffer() {
    }

    /** The stream, decompressed when it starts with the gzip magic bytes; gzip failures are {@link GzipFailure}s. */
    static InputStream decompressing(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] magic = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = in.read(magic, n, 2 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > 0) {
            in.unread(magic, 0, n);
        }
        if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            try {
                return new GzipStream(new GZIPInputStream(in, 65536));
            } catch (IOException e) {
                throw new GzipFailure(e);
            }
        }
        return in;
    }

    /** Marks IOExceptions from the gzip layer so they can be told apart from read errors. */
    static final class GzipFailure extends IOException {
        private static final long serialVersionUID = 1L;

        GzipFailure(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private static final class GzipStream extends FilterInputStream {
        GzipStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new GzipFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new GzipFailure(e);
            }
        }
    }

    /**
     * The bytes as UTF-8 text, a leading byte-order mark dropped.
     *
     * @param name names the input in messages
     * @throws InputException "FILE: UTF-16 text; save it as UTF-8", or
     *         "FILE: not UTF-8 (byte 0xE9 at line 4); save it as UTF-8" for
     *         Latin-1, cp1251 and other single-byte encodings
     */
    public static String utf8Text(byte[] bytes, String name) {
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw new InputException(name + ": " + wide + " text; save it as UTF-8");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(name + ": not UTF-8 (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[at] & 0xff) + " at line " + line
                    + "); save it as UTF-8");
        }
        dec.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** "UTF-16" or "UTF-32" when the bytes are text in one of them (by byte-order mark or zero bytes), else null. */
    private static String wideEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && (b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF
                || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0)) {
            return "UTF-32";
        }
        if (n >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF
                && (b[1] & 0xff) == 0xFE)) {
            return "UTF-16";
        }
        // Without a mark: ASCII in UTF-16 has a zero byte beside each character.
        if (n >= 4 && (b[0] == 0) != (b[1] == 0) && (b[2] == 0) != (b[3] == 0)) {
            return "UTF-16";
        }
        if (n >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == 0) != (b[1] == 0 && b[2] == 0 && b[3] == 0)) {
            return "UTF-32";
        }
        return null;
    }
}
