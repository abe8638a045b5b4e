package cn.bqw.platform.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A body's text in its declared charset, refusing what is not valid in it instead of putting
 * U+FFFD in its place; a leading byte-order mark (Excel writes one) is dropped. It counts the lines
 * it has decoded, so that a broken byte is reported on the line where it stands.
 */
final class DecodedText extends Reader {

    /** Bytes that are not text in the declared charset, at a line of the body. */
    static final class BrokenText extends IOException {
        final long line;

        BrokenText(long line, Charset charset) {
            super("line " + line + " is not valid " + charset.name()
                    + " text (declare the file's charset in Content-Type, e.g. text/csv; charset=GBK)");
            this.line = line;
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private long line = 1;
    private boolean start = true;
    private boolean eof;

    DecodedText(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Decodes more characters; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof && !bytes.hasRemaining()) {
            return false;
        }
        chars.clear();
        if (!eof) {
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
            countLines(0, chars.position());
            throw new BrokenText(line, charset);
        }
        if (eof && !bytes.hasRemaining()) {
            CoderResult flushed = decoder.flush(chars);
            if (flushed.isError()) {
                throw new BrokenText(line, charset);
            }
        }
        chars.flip();
        if (start && chars.hasRemaining() && StandardCharsets.UTF_8.equals(charset) && chars.get(0) == '\uFEFF') {
            chars.get();
        }
        if (chars.hasRemaining()) {
            start = false;
        }
        countLines(chars.position(), chars.limit());
        return true;
    }

    private void countLines(int from, int upTo) {
        for (int i = from; i < upTo; i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
