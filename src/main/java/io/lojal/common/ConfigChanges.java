package io.lojal.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance that configuration changed, through PostgreSQL's LISTEN/NOTIFY: a write announces the change
 * in its own transaction (delivered only if it commits), and each instance listens on a connection of its own and
 * fires {@link ConfigChanged} to its caches. After a lost connection it reconnects and treats everything as changed.
 */
@ApplicationScoped
public class ConfigChanges {

    static final String CHANNEL = "lojal_config";
    private static final Logger LOG = Logger.getLogger(ConfigChanges.class);

    @Inject
    EntityManager em;

    @Inject
    Event<ConfigChanged> changed;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread listener;

    /** Announces a change from inside the transaction that makes it. */
    public void announce(String what) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, what).getSingleResult();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "lojal-config-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                // Whatever changed while we were not listening is unknown: start afresh.
                changed.fire(new ConfigChanged());
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(10_000);
                    // The wait may end after shut-down, when there is no one left to tell.
                    if (running && notifications != null && notifications.length > 0) {
                        changed.fire(new ConfigChanged());
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Listening for configuration changes failed (%s); retrying in 5 s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
