package cn.bqw.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates the services' databases on a PostgreSQL server, given a JDBC URL of any database on it. */
public final class Databases {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Databases() {}

    /** Creates {@code database} unless it exists, and answers its JDBC URL. */
    public static String ensure(String serverUrl, String user, String password, String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + database);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + serverUrl, e);
        }
        return urlOf(serverUrl, database);
    }

    /** The URL of {@code database} on the same server as {@code serverUrl}. */
    public static String urlOf(String serverUrl, String database) {
        String withoutParameters = serverUrl.replaceFirst("\\?.*$", "");
        return withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + database;
    }
}
