package dev.rustlens.outbound;

import java.io.IOException;

/**
 * A connection the outbound policy does not allow. It is an {@link IOException} so that it leaves
 * a socket's {@code connect} like any other connection failure; the message is fit to show a user.
 */
public final class OutboundRefused extends IOException {

    private static final long serialVersionUID = 1L;

    public OutboundRefused(String message) {
        super(message);
    }
}
