package org.openattendance.legal;

import java.time.LocalDate;

/**
 * How and when a penalty notice was posted or handed over, and the day it counts as received under the LA's service
 * rule (POLICY, notice-service.dmn, version kept).
 */
public record NoticeService(ServiceMethod method, LocalDate servedOn, LocalDate receivedOn, int policyVersion,
                            String servedBy) {
}
