package org.verbatim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes response bodies as JSON with one shared mapper. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static void write(Context ctx, Object body) throws JsonProcessingException {
        ctx.contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsString(body));
    }

    static void problem(Context ctx, int status, String title, String detail) {
        try {
            ctx.status(status).contentType("application/problem+json; charset=utf-8")
                    .result(MAPPER.writeValueAsString(new Problem(status, title, detail)));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"status\":500,\"title\":\"Internal Server Error\",\"detail\":\"\"}");
        }
    }
}
