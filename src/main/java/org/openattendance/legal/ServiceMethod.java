package org.openattendance.legal;

/** How a penalty notice was served on the parent; the receipt date follows from it (notice-service.dmn). */
public enum ServiceMethod {
    FIRST_CLASS_POST, SECOND_CLASS_POST, BY_HAND
}
