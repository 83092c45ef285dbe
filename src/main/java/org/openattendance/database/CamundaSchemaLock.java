package org.openattendance.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Several nodes starting together on an empty database: Camunda creates its tables from every node at once, and all
 * but one die on duplicate keys. This plugin holds a PostgreSQL advisory lock from before the engine's schema
 * operations until the engine is built, so one node creates the schema (and writes its history level and
 * installation id) while the others wait, then find it there. Flyway serialises the application's own migrations
 * with an advisory lock of its own.
 */
@Component
class CamundaSchemaLock extends AbstractProcessEnginePlugin {

    /** An arbitrary key, the same on every node: "OAcamunda" in hex digits of the letters' codes, shortened. */
    static final long LOCK_KEY = 0x4F4163616D756EL;
    private static final Logger LOG = LoggerFactory.getLogger(CamundaSchemaLock.class);

    private final ThreadLocal<Connection> held = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DataSource dataSource = configuration.getDataSource();
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            try (var statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, LOCK_KEY);
                statement.execute();
            }
            long waited = (System.nanoTime() - started) / 1_000_000;
            if (waited > 1000) {
                LOG.info("Waited {} ms for another node to finish creating or checking the engine's schema", waited);
            }
            held.set(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the engine schema lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Connection connection = held.get();
        held.remove();
        if (connection == null) {
            return;
        }
        try (connection; var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the engine schema lock (it ends with the connection): {}", e.getMessage());
        }
    }
}
