package dev.rustlens.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}) or one address. */
public record AddressRange(byte[] network, int prefixLength) {

    /** Only address literals: parsing a range must never look a name up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    /** Parses {@code address/prefix} or a single address; throws with a message naming the bad entry. */
    public static AddressRange parse(String text) {
        String entry = text.strip();
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range like 10.0.0.0/8 or fd00::/8");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range like 10.0.0.0/8 or fd00::/8", e);
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "' has no valid prefix length after '/'", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bits);
        }
        return new AddressRange(bytes, prefix);
    }

    /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
