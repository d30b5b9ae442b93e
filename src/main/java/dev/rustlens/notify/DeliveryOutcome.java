package dev.rustlens.notify;

/**
 * How one attempt to send a delivery went: the receiver's status code and the start of its
 * answer, or the error that kept it from answering (a refused address, a timeout, TLS).
 */
record DeliveryOutcome(Integer responseStatus, String responseBody, String error, int durationMs) {

    /** An attempt that got no answer. */
    static DeliveryOutcome error(String error, int durationMs) {
        return new DeliveryOutcome(null, null, error, durationMs);
    }

    /** Whether the receiver took the delivery: a 2xx answer. */
    boolean succeeded() {
        return error == null && responseStatus != null && responseStatus / 100 == 2;
    }
}
