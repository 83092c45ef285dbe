package org.openattendance.leave;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.security.ClientAddress;
import org.openattendance.security.RateLimits;
import org.openattendance.security.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often the public leave-request pages may be used, in limits every node shares: requests sent per client
 * address, and requests made per child (as the parent identified them) and per parent's e-mail address, so one
 * family cannot be sent e-mail after e-mail. Over a limit the page answers 429 ({@link TooManyRequestsException})
 * and nothing is stored or sent.
 */
@Component
class LeavePageLimits {

    private final RateLimits limits;
    private final RateLimits.Limit perAddress;
    private final RateLimits.Limit perChild;
    private final RateLimits.Limit perEmail;

    LeavePageLimits(RateLimits limits,
                    @Value("${openattendance.leave.limits.posts-per-address:20}") long postsPerAddress,
                    @Value("${openattendance.leave.limits.address-window:PT1H}") Duration addressWindow,
                    @Value("${openattendance.leave.limits.requests-per-child:5}") long requestsPerChild,
                    @Value("${openattendance.leave.limits.requests-per-email:5}") long requestsPerEmail,
                    @Value("${openattendance.leave.limits.family-window:P1D}") Duration familyWindow) {
        this.limits = limits;
        this.perAddress = new RateLimits.Limit("leave-request-address", postsPerAddress, addressWindow);
        this.perChild = new RateLimits.Limit("leave-request-child", requestsPerChild, familyWindow);
        this.perEmail = new RateLimits.Limit("leave-request-email", requestsPerEmail, familyWindow);
    }

    /** Every form sent to the public pages (a request, a confirmation, a withdrawal) counts for its address. */
    void countPost(HttpServletRequest request) {
        limits.consumeAllOrRefuse(List.of(new RateLimits.Use(perAddress, ClientAddress.of(request))));
    }

    /**
     * A complete request (one that would e-mail a link if the details match) counts for the child and the e-mail
     * address typed, whether or not they match anyone: the limit must not tell which do. Keys are digests: the
     * limits table holds no names.
     */
    void countRequest(LeaveRequests.ParentIdentity identity) {
        limits.consumeAllOrRefuse(List.of(
                new RateLimits.Use(perChild, RateLimits.digest(identity.schoolUrn(), identity.forename(),
                        identity.surname(), String.valueOf(identity.dateOfBirth()))),
                new RateLimits.Use(perEmail, RateLimits.digest(identity.email()))));
    }
}
