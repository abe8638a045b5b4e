package cn.bqw.platform.api;

/** A body known by the digest of the bytes sent (a bulk body is not read back as JSON to name it). */
public interface DigestedBody {

    /** SHA-256 of the whole body as sent. */
    byte[] bodyDigest();
}
