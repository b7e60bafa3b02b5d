package org.jkeepalived.config.api.model.vrrp;

/**
 * The authentication block of a VRRPv2 instance (RFC 2338 section 5.3.6; RFC 3768 removed it).
 *
 * @param type auth_type
 * @param password auth_pass, at most 8 characters: longer passwords are cut, as keepalived does
 */
public record VrrpAuthentication(Type type, String password) {

    /** The maximum length of a password: the 8 octets of the VRRPv2 authentication data. */
    public static final int MAX_PASSWORD_LENGTH = 8;

    /** auth_type. */
    public enum Type {
        /** Simple text password in the advert. */
        PASS,
        /** IPsec authentication header with HMAC-MD5-96. */
        AH
    }

    @Override
    public String toString() {
        return type + " (password hidden)";
    }
}
