package uz.ekommunal.billing.registry;

/** Why a registry row is refused; the name is the code reported (unique by construction). */
public enum RegistryFault {
    BAD_HEADER,
    BROKEN_QUOTING,
    WRONG_FIELD_COUNT,
    MISSING_VALUE,
    UNKNOWN_PROVIDER,
    WRONG_UTILITY,
    BAD_ACCOUNT_NUMBER,
    BAD_SERVICE,
    BAD_NUMBER,
    BAD_FLAG,
    BAD_HEATING_TYPE,
    BAD_DATE,
    BAD_METER,
    UNKNOWN_METER,
    DUPLICATE_ACCOUNT,
    UNKNOWN_REGION,
    OUTSIDE_PROVIDER_AREA,
    TOO_LONG
}
