package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

public final class MediaTypes {

    private MediaTypes() {}

    /**
     * The charset a text body declares (GBK files from older systems are common), UTF-8 when it
     * declares none; an unknown one is a 415.
     */
    public static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "unknown charset " + name);
        }
    }
}
