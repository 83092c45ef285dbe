package org.openattendance.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data read once per transaction (the latest version of a decision table, a school's calendar): the
 * signals of a register load are handled twenty to a transaction, and every case read the same rows again for every
 * task. A change committed since (on any node) is read by the next transaction; outside a transaction nothing is kept.
 */
public final class PerTransaction<K, V> {

    private final Object resource = new Object();

    public V get(K key, Function<K, V> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.apply(key);
        }
        return known().computeIfAbsent(key, read);
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> known() {
        var known = (Map<K, V>) TransactionSynchronizationManager.getResource(resource);
        if (known == null) {
            known = new HashMap<>();
            TransactionSynchronizationManager.bindResource(resource, known);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resource);
                }
            });
        }
        return known;
    }
}
