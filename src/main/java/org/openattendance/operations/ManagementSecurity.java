package org.openattendance.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Health and metrics are answered on the management port only, which listens on an address the public cannot reach
 * (MANAGEMENT_ADDRESS): the load balancer and Prometheus ask there without credentials. Should the endpoints ever be
 * served on the application's own port (MANAGEMENT_PORT set to PORT), only administrators get them.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain managementEndpoints(HttpSecurity http, @Value("${server.port:8080}") String applicationPort,
                                            @Value("${management.server.port:}") String managementPort) throws Exception {
        // 0: a free port of their own, never the application's.
        boolean portOfTheirOwn = !managementPort.isBlank() && ("0".equals(managementPort) || !managementPort.equals(applicationPort));
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> {
                    if (portOfTheirOwn) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().hasRole("ADMIN");
                    }
                })
                .httpBasic(basic -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
