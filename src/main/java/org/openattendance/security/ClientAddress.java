package org.openattendance.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from, as limits and the audit trail name it. Behind the LA's proxy Tomcat has already
 * replaced the proxy's address with the client's from X-Forwarded-For (server.forward-headers-strategy=native;
 * only from a trusted proxy address). An IPv6 client is counted by its /64 network: one household or office
 * holds a whole /64, and counting single addresses would let it change address at every request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return normalise(request.getRemoteAddr());
    }

    /** The address of the request this thread is serving, if it serves one. */
    public static String ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return null;
    }

    static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) {
                return address;
            }
            var network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
