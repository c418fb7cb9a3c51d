package dev.paymentsimulator.event.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** JSON rendered once and written as is, so an event reads the same everywhere. */
record RawJson(@JsonValue @JsonRawValue String json) {
}
