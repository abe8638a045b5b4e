package cn.bqw.platform.importing;

import cn.bqw.platform.api.MediaTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;

/**
 * The body of every bulk endpoint: a {@code text/csv} file with a header row (in the charset its
 * Content-Type names) or a JSON array, opened as rows. So a bulk endpoint is one method taking a
 * {@link RowReader}, whichever of the two it is sent. The rows are closed when the request ends,
 * also when the method never runs (a refused parameter), so no received body is left on disk.
 */
@Provider
@Consumes({RowsBody.CSV, MediaType.APPLICATION_JSON})
public class RowsBody implements MessageBodyReader<RowReader> {

    public static final String CSV = "text/csv";

    @Inject
    ObjectMapper json;

    @Inject
    CurrentVertxRequest http;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RowReader.class;
    }

    @Override
    public RowReader readFrom(
            Class<RowReader> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        RowReader rows = mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? RowReader.jsonArray(body, json)
                : RowReader.csv(body, MediaTypes.charset(mediaType), listColumns(annotations), json);
        http.getCurrent().addEndHandler(ended -> rows.closeQuietly());
        return rows;
    }

    private static Set<String> listColumns(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .filter(ListColumns.class::isInstance)
                .map(ListColumns.class::cast)
                .findFirst()
                .map(columns -> Set.of(columns.value()))
                .orElse(Set.of());
    }
}
