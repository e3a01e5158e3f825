package jp.tabiji.streaming.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** ClickHouse's RowBinary encoding of the column types our tables use (little-endian, LEB128 string lengths). */
public final class RowBinary {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

    public RowBinary string(String s) {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        long n = b.length;
        do {
            int bits = (int) (n & 0x7F);
            n >>>= 7;
            out.write(n != 0 ? bits | 0x80 : bits);
        } while (n != 0);
        out.write(b, 0, b.length);
        return this;
    }

    public RowBinary uint8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    /** Date: days since 1970-01-01 as UInt16. */
    public RowBinary date(int epochDay) {
        return littleEndian(epochDay, 2);
    }

    public RowBinary uint32(long v) {
        return littleEndian(v, 4);
    }

    public RowBinary uint64(long v) {
        return littleEndian(v, 8);
    }

    private RowBinary littleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public void reset() {
        out.reset();
    }
}
