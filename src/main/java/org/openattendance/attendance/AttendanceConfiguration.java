package org.openattendance.attendance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttendanceSettings.class)
class AttendanceConfiguration {
}
