package uz.ekommunal.gateway.planted;

import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * Planted violations: a gateway class pointing up at the API, and a gateway core package class
 * reaching for Vert.x. Only the rules' own test imports it.
 */
public final class AnswersInHttp {

    public int status(ReadingStore store) {
        return store == null ? ApiError.NOT_FOUND.status() : 200;
    }
}
