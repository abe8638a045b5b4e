package cn.bqw.report.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The file name a download is saved under: the sheet's title, encoded for any browser (RFC 6266). */
final class Downloads {

    private Downloads() {}

    static String attachment(Sheet sheet, String extension) {
        String name = sheet.title().replaceAll("[\\\\/:*?\"<>| ]+", "-") + "." + extension;
        return "attachment; filename=\"report." + extension + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
