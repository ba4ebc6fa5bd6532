package org.hotline.sms.outbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.sms.route.RouteAccount;
import org.hotline.sms.route.Routes;
import org.hotline.sms.route.SignedText;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SmscProperties.Smsc;

/** The sender's accounts by name: each connection with its settings, and the routes over them (ADR 0035). */
public final class Accounts {

    /** One account: its connection and its settings. */
    record Account(SmscConnection connection, Smsc config) {

        String name() {
            return config.name();
        }

        /** The text this account sends for {@code body}: its signature where its carrier wants it. */
        String render(String body) {
            return SignedText.render(body, config.signature(), config.signaturePlacement());
        }

        /** The source address of a message with {@code extension} through this account (null: the account's own). */
        String source(String extension) {
            return config.extendedSource() && extension != null && !extension.isEmpty()
                    ? config.sourceAddress() + extension : null;
        }
    }

    private final Map<String, Account> byName = new LinkedHashMap<>();
    private final List<RouteAccount> routes = new ArrayList<>();

    /** The accounts of {@code configs}, each with the connection at the same index of {@code connections}. */
    public Accounts(List<Smsc> configs, List<SmscConnection> connections) {
        for (int i = 0; i < configs.size(); i++) {
            byName.put(configs.get(i).name(), new Account(connections.get(i), configs.get(i)));
            routes.add(configs.get(i).route());
        }
    }

    Account get(String name) {
        return byName.get(name);
    }

    List<RouteAccount> routes() {
        return routes;
    }

    /** The bound accounts to try for {@code destination}, in order. */
    List<Account> order(String destination, int spread) {
        return Routes.order(destination, routes, n -> byName.get(n).connection().bound(), spread).stream()
                .map(byName::get).toList();
    }

    /** The account a message was (or would be) sent through: {@code recorded}, else the first that takes the number. */
    Account likely(String recorded, String destination) {
        Account a = recorded == null ? null : byName.get(recorded);
        if (a != null) {
            return a;
        }
        List<String> c = Routes.candidates(destination, routes);
        return c.isEmpty() ? byName.values().iterator().next() : byName.get(c.get(0));
    }
}
