package org.openattendance.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Referrer-Policy and Permissions-Policy on every answer: pages, the APIs, Camunda's webapps, static files and error
 * pages (also the 400 for a crafted path, which no security filter chain sees). No address leaves for another site
 * in a Referer header (the parents' links carry tokens), and pages may not use cameras, microphones, location,
 * payments or USB devices.
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String REFERRER_POLICY = "same-origin";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
