"""A webhook receiver that verifies Standard Webhooks signatures with the standard library alone.

    WEBHOOK_SECRET=whsec_... PORT=4000 python3 receiver.py

Each POST is checked: the signature must be one the secret makes over
"<webhook-id>.<webhook-timestamp>.<body>", and the timestamp within five minutes of now.
A verified event is printed and answered 204; anything else is answered 400.
"""

import base64
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 5 * 60

_printing = threading.Lock()


def say(line):
    """Prints whole lines: deliveries are handled on threads of their own."""
    with _printing:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def secret_key(secret):
    """The HMAC key: the base64 after the whsec_ prefix, decoded."""
    return base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)


def verify(key, headers, body):
    """Raises ValueError unless the request carries a valid, recent signature."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        raise ValueError("missing webhook-id, webhook-timestamp or webhook-signature")
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("timestamp too far from now")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # several signatures may be sent during a secret's rotation; one match is enough
    for candidate in signatures.split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return
    raise ValueError("no signature matches")


class Receiver(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps the sender's connections open between deliveries; each answer says its length
    protocol_version = "HTTP/1.1"
    key = b""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            verify(self.key, {name.lower(): value for name, value in self.headers.items()}, body)
        except ValueError as refused:
            say(f"signature invalid: {refused}")
            self.send_response(400)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        event = json.loads(body)
        say(f"signature verified: {event['type']} {event['id']}")
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


def main():
    secret = os.environ.get("WEBHOOK_SECRET")
    if not secret:
        sys.exit("set WEBHOOK_SECRET to the endpoint's secret (whsec_...)")
    Receiver.key = secret_key(secret)
    port = int(os.environ.get("PORT", "4000"))
    say(f"listening on http://localhost:{port}/webhooks")
    # one thread per connection: deliveries come in parallel
    ThreadingHTTPServer(("", port), Receiver).serve_forever()


if __name__ == "__main__":
    main()
