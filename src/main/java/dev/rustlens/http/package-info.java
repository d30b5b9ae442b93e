/**
 * The bottom of the web side: the shapes of an answer that cannot be served (problem details, the
 * error page), the exceptions that name one, and the helpers that pick between them; used by the
 * filters, resources and pages above, depending on nothing of ours but the database's error kinds and
 * the quoting of what a client sent.
 */
package dev.rustlens.http;
