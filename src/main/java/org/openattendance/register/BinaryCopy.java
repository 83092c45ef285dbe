package org.openattendance.register;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to PostgreSQL in COPY's binary format, in chunks, so the server stores rows while the
 * application is still encoding the next ones, and neither side parses text dates and numbers.
 */
final class BinaryCopy {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 1024);
    private final DataOutputStream out = new DataOutputStream(buffer);
    private long rows;

    BinaryCopy(Connection connection, String tableAndColumns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + tableAndColumns + " from stdin (format binary)");
        write(HEADER);
    }

    BinaryCopy row(int fields) {
        try {
            out.writeShort(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    BinaryCopy bigint(long value) {
        return field(8, () -> out.writeLong(value));
    }

    BinaryCopy integer(int value) {
        return field(4, () -> out.writeInt(value));
    }

    BinaryCopy smallint(Integer value) {
        return value == null ? nullField() : field(2, () -> out.writeShort(value));
    }

    BinaryCopy date(LocalDate value) {
        return field(4, () -> out.writeInt((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY)));
    }

    BinaryCopy timestamptz(Instant value) {
        long micros = (value.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + value.getNano() / 1_000;
        return field(8, () -> out.writeLong(micros));
    }

    BinaryCopy text(String value) {
        if (value == null) {
            return nullField();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return field(bytes.length, () -> out.write(bytes));
    }

    /** Ends a row, sending the buffer when it is full. */
    void endRow() throws SQLException {
        rows++;
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    long finish() throws SQLException {
        try {
            out.writeShort(-1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        flush();
        copy.endCopy();
        return rows;
    }

    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back by the caller in any case.
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toByteArray();
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.reset();
    }

    private void write(byte[] bytes) {
        buffer.write(bytes, 0, bytes.length);
    }

    private BinaryCopy nullField() {
        try {
            out.writeInt(-1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    private interface FieldWriter {
        void write() throws IOException;
    }

    private BinaryCopy field(int length, FieldWriter writer) {
        try {
            out.writeInt(length);
            writer.write();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
