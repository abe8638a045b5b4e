package cn.bqw.report.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes any report view that has a {@link Sheet} in one file format. */
abstract class SheetWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Sheets.covers(type);
    }

    @Override
    public void writeTo(
            Object report,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        write(Sheets.of(report), headers, out);
    }

    abstract void write(Sheet sheet, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException;
}
