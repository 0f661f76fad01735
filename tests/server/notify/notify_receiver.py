#!/usr/bin/env python3
"""A stand-in for the government notification service, for the webhook tests: takes POSTs over
HTTPS on loopback and answers each message from a script.

    notify_receiver.py --cert PEM --key PEM --log FILE [--answers 500,500,200] [--delay-ms N]

The n-th request for a message id (the Idempotency-Key header) gets the n-th status of
--answers, the last one repeating. Every request is appended to --log as one JSON line:
{"path", "authorization", "idempotency_key", "content_type", "body" (parsed), "status"}.
--delay-ms holds every answer back (for time-outs). Prints "listening PORT" once it accepts;
runs until killed.
"""
import argparse
import json
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--answers", default="200")
    parser.add_argument("--delay-ms", type=int, default=0)
    args = parser.parse_args()
    answers = [int(a) for a in args.answers.split(",")]
    seen = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            key = self.headers.get("Idempotency-Key", "")
            with lock:
                n = seen.get(key, 0)
                seen[key] = n + 1
                status = answers[min(n, len(answers) - 1)]
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps({
                        "path": self.path,
                        "authorization": self.headers.get("Authorization", ""),
                        "idempotency_key": key,
                        "content_type": self.headers.get("Content-Type", ""),
                        "body": body,
                        "status": status}, ensure_ascii=False) + "\n")
            if args.delay_ms:
                time.sleep(args.delay_ms / 1000.0)
            data = json.dumps({"status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("listening", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
