package uz.ekommunal.gateway.store.planted;

import io.vertx.core.Vertx;

/** A planted violation: the readings store knowing the event loop. Only the rules' own test imports it. */
public final class StoreOnTheEventLoop {

    public boolean onEventLoop() {
        return Vertx.currentContext() != null;
    }
}
