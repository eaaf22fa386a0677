package uz.ekommunal.api.notices;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import uz.ekommunal.gateway.verification.MeterVerification;

/** A meter's verification state as the pages read it. */
final class VerificationJson {

    private VerificationJson() {
    }

    static JsonObject of(MeterVerification v, LocalDate today) {
        return new JsonObject().put("serial", v.serial()).put("utility", v.utility())
                .put("accountNumber", v.accountNumber()).put("lastVerified", v.lastVerified().toString())
                .put("dueOn", v.dueOn().toString()).put("noticeFrom", v.noticeFrom().toString())
                .put("status", v.status(today).name());
    }
}
