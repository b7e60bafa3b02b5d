package org.jkeepalived.vrrp.internal.codec;

import java.nio.charset.StandardCharsets;

/**
 * The authentication type of a VRRPv2 advert (RFC 2338 section 5.3.6; RFC 3768 keeps the field but
 * removed the methods, keepalived still speaks them).
 */
public enum AuthType {

    /** No authentication: the 8 bytes of authentication data are zero. */
    NONE(0),

    /** Simple text password in the authentication data, zero-padded and cut to 8 bytes. */
    PASS(1),

    /** IPsec authentication header (protocol 51) with HMAC-MD5-96. */
    AH(2);

    /** The length of the authentication data of a VRRPv2 advert. */
    public static final int DATA_LENGTH = 8;

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    /** @return the value of the Auth Type field */
    public int code() {
        return code;
    }

    /**
     * @param code the value of the Auth Type field
     * @return the type, or {@code null} for a value no version of VRRP defines
     */
    public static AuthType ofCode(int code) {
        switch (code) {
            case 0: return NONE;
            case 1: return PASS;
            case 2: return AH;
            default: return null;
        }
    }

    /**
     * The authentication data of a password as it goes on the wire: its first 8 bytes, zero-padded,
     * read as one big-endian number.
     *
     * @param password auth_pass
     * @return the 8 bytes of authentication data
     */
    public static long passwordData(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        long data = 0;
        for (int i = 0; i < DATA_LENGTH; i++) {
            data = (data << 8) | (i < bytes.length ? bytes[i] & 0xff : 0);
        }
        return data;
    }
}
