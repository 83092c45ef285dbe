package org.openattendance.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: the application's JSON API (HTTP Basic), Camunda's engine REST API (HTTP Basic, administrators
 * only) and the web pages, Camunda's webapps among them (form login; the webapps for administrators only).
 * Sign-ins through either door are throttled ({@link ThrottledSignIn}); signed-in sessions live in the database
 * (Spring Session JDBC) and are checked on every request ({@link SignedInSessionCheck}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String REALM = "Open Attendance";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Publishes refused requests, so {@link RefusedRequestAudit} can audit them. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestApi(HttpSecurity http, AuditTrail audit) throws Exception {
        return http.securityMatcher(under("/engine-rest"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint())
                        .authenticationDetailsSource(SignInDetails::of))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(everyPage(h -> { }))
                .addFilterAfter(new EngineAccessAudit(audit), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(under("/api"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint())
                        .authenticationDetailsSource(SignInDetails::of))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: no session cookie a forged cross-site request could ride on.
                .csrf(csrf -> csrf.disable())
                .headers(everyPage(h -> { }))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SignedInSessionCheck sessionCheck, AuditTrail audit)
            throws Exception {
        return http.securityMatcher(under("/camunda"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // Camunda's webapps carry their own CSRF token (X-XSRF-TOKEN, see CamundaXsrfGuard) and content
                // security policy.
                .csrf(csrf -> csrf.disable())
                .headers(everyPage(h -> h.frameOptions(f -> f.sameOrigin())))
                .addFilterAfter(sessionCheck, SecurityContextHolderFilter.class)
                .addFilterAfter(new EngineAccessAudit(audit), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webPages(HttpSecurity http, SignedInSessionCheck sessionCheck) throws Exception {
        AuthenticationFailureHandler failures = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof SignInPausedException paused ? "/login?paused=" + paused.minutes() : "/login?error"));
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/assets/**", "/favicon.ico",
                                "/error", "/actuator/health").permitAll()
                        // A parent's leave-of-absence request: no staff sign-in; the e-mailed links identify them.
                        .requestMatchers("/leave-request", "/leave-request/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .authenticationDetailsSource(SignInDetails::of)
                        .failureHandler(failures))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("SESSION"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With")))
                        // A session that timed out (server.servlet.session.timeout) lands on the sign-in page, which says so.
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login?timedOut"),
                                request -> request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()))
                .headers(everyPage(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))))
                .addFilterAfter(sessionCheck, SecurityContextHolderFilter.class)
                .build();
    }

    @Bean
    SignedInSessionCheck signedInSessionCheck(StaffUserStore users, AuditTrail audit, Clock clock,
                                              @Value("${openattendance.security.session.absolute-lifetime:PT12H}") Duration lifetime) {
        return new SignedInSessionCheck(users, audit, clock, lifetime);
    }

    /** Only the filter chains use the session check: not a filter of its own for every request. */
    @Bean
    FilterRegistrationBean<SignedInSessionCheck> signedInSessionCheckOnlyInChains(SignedInSessionCheck check) {
        var registration = new FilterRegistrationBean<>(check);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Headers of every door: HSTS, which Spring Security sends on HTTPS requests (behind the LA's TLS proxy Tomcat
     * recognises them from X-Forwarded-Proto). Referrer-Policy and Permissions-Policy come from {@link SecurityHeaders},
     * for every answer.
     */
    private static Customizer<HeadersConfigurer<HttpSecurity>> everyPage(Customizer<HeadersConfigurer<HttpSecurity>> more) {
        return h -> {
            h.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                    .maxAgeInSeconds(Duration.ofDays(365).toSeconds()));
            more.customize(h);
        };
    }

    /**
     * Matches a path prefix on the raw request URI: the engine REST API and the webapps are served by servlets
     * of their own, where Spring MVC's path matching does not apply. {@link RequestPathGuard} has already turned
     * away paths whose raw form could differ from what Tomcat maps (/%65ngine-rest, ;x=1).
     */
    private static RequestMatcher under(String prefix) {
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals(prefix) || path.startsWith(prefix + "/");
        };
    }

    /** 401 with the Basic challenge; 429 with Retry-After when sign-ins are paused for the account or address. */
    private static AuthenticationEntryPoint basicEntryPoint() {
        var basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof SignInPausedException paused) {
                tooManySignIns(response, paused);
            } else {
                basic.commence(request, response, e);
            }
        };
    }

    private static void tooManySignIns(HttpServletResponse response, SignInPausedException paused) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(Math.max(1, paused.retryAfter().toSeconds())));
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"status\":429,\"error\":\"Too many failed sign-in attempts: wait "
                + paused.minutes() + " minute(s) and try again, or ask an administrator to unlock the account\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Before all other filters: crafted paths get 400 before the session, security or Camunda's servlets see them. */
    @Bean
    FilterRegistrationBean<RequestPathGuard> requestPathGuard() {
        var registration = new FilterRegistrationBean<>(new RequestPathGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before Camunda's own CSRF filter (its filters come last), which would end the whole session. */
    @Bean
    FilterRegistrationBean<CamundaXsrfGuard> camundaXsrfGuard() {
        var registration = new FilterRegistrationBean<>(new CamundaXsrfGuard());
        registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
        registration.setOrder(100);
        return registration;
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
