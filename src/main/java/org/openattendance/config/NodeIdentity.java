package org.openattendance.config;

import java.util.UUID;

/** This node's id among the nodes sharing the database: new at every start. */
public record NodeIdentity(String id) {

    static NodeIdentity random() {
        return new NodeIdentity(UUID.randomUUID().toString());
    }
}
