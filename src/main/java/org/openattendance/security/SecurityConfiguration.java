package org.openattendance.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: the application's JSON API (HTTP Basic), Camunda's engine REST API (HTTP Basic, administrators
 * only) and the web pages, Camunda's webapps among them (form login; the webapps for administrators only).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String REALM = "Open Attendance";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(under("/engine-rest"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(under("/api"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: no session cookie a forged cross-site request could ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(under("/camunda"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // Camunda's webapps carry their own CSRF token (X-XSRF-TOKEN) and content security policy.
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webPages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/assets/**", "/favicon.ico",
                                "/error", "/actuator/health").permitAll()
                        // A parent's leave-of-absence request: no staff sign-in; the e-mailed links identify them.
                        .requestMatchers("/leave-request", "/leave-request/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With")))
                        // A session that timed out (server.servlet.session.timeout) lands on the sign-in page, which says so.
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login?timedOut"),
                                request -> request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .build();
    }

    /**
     * Matches a path prefix on the raw request URI: the engine REST API and the webapps are served by servlets
     * of their own, where Spring MVC's path matching does not apply.
     */
    private static RequestMatcher under(String prefix) {
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals(prefix) || path.startsWith(prefix + "/");
        };
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        return entryPoint;
    }

    /** Hands the user Spring Security signed in to Camunda's webapps (Cockpit, Tasklist, Admin). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityCamundaAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101); // after the Spring Security filter chain
        return registration;
    }

    /** Hands the user Spring Security signed in to the engine REST API, so the engine knows who acts. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityCamundaAuthentication.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(102);
        return registration;
    }
}
