package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic concurrency over HTTP: a resource's {@code ETag} is its version, and a change to an
 * existing resource must say which version it changes ({@code If-Match}).
 */
public final class Versions {

    private Versions() {}

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the resource and its version as the ETag. */
    public static <V extends Versioned> RestResponse<V> tagged(V resource) {
        return RestResponse.ResponseBuilder.ok(resource)
                .tag(tag(resource.version()))
                .build();
    }

    /** 428 without {@code If-Match}; 412 when it names another version ({@code *} matches any). */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "changing an existing resource needs If-Match with its ETag (current: \"" + current + "\")");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "").replace("\"", "");
            if (tag.equals("*") || tag.equals(Long.toString(current))) {
                return;
            }
        }
        throw new ProblemException(
                ProblemType.PRECONDITION_FAILED,
                "the resource is at version \"" + current + "\", not " + ifMatch + "; read it again and retry");
    }
}
