package cn.bqw.platform.api;

/** An API record of a resource with a version: its {@code ETag} (see {@link Versions}). */
public interface Versioned {

    long version();
}
