package jp.tabiji.streaming.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ClickHouse's RowBinary encoding of the column types our tables use (little-endian, LEB128 string lengths), into
 * a growing array: not a ByteArrayOutputStream, whose every write takes a lock, and ASCII strings (ids, sites,
 * language tags) are copied without an intermediate byte array.
 */
public final class RowBinary {
    private byte[] buf = new byte[64 * 1024];
    private int size;

    public RowBinary string(String s) {
        String v = s == null ? "" : s;
        int n = v.length();
        if (isAscii(v, n)) {
            length(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[size++] = (byte) v.charAt(i);
            }
        } else {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            length(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }
        return this;
    }

    private static boolean isAscii(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void length(long n) {
        ensure(10);
        do {
            int bits = (int) (n & 0x7F);
            n >>>= 7;
            buf[size++] = (byte) (n != 0 ? bits | 0x80 : bits);
        } while (n != 0);
    }

    public RowBinary uint8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    /** Date: days since 1970-01-01 as UInt16. */
    public RowBinary date(int epochDay) {
        return littleEndian(epochDay, 2);
    }

    public RowBinary uint32(long v) {
        return littleEndian(v, 4);
    }

    /** DateTime: seconds since the epoch as UInt32 (from epoch milliseconds, truncated). */
    public RowBinary dateTime(long epochMs) {
        return littleEndian(Math.floorDiv(epochMs, 1000L), 4);
    }

    public RowBinary float64(double v) {
        return littleEndian(Double.doubleToRawLongBits(v), 8);
    }

    public RowBinary uint64(long v) {
        return littleEndian(v, 8);
    }

    private RowBinary littleEndian(long v, int bytes) {
        ensure(bytes);
        for (int i = 0; i < bytes; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void reset() {
        size = 0;
    }
}
