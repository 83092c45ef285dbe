package org.openattendance.moduleproof.declared;

/** The root of a two-module sample for {@code UndeclaredDependencyTest}: {@code letters} uses {@code cases}. */
@org.springframework.modulith.Modulithic
public class SampleApplication {
}
