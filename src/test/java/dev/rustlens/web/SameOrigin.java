package dev.rustlens.web;

import io.restassured.RestAssured;
import io.restassured.http.Header;

/** What a browser adds to a form it posts from one of rustlens's own pages. */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** The Origin header of a page of the server under test. */
    public static Header header() {
        return new Header("Origin", "http://localhost:" + RestAssured.port);
    }
}
