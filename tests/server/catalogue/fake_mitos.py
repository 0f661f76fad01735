#!/usr/bin/env python3
"""A fake MITOS register for the import-mitos --from-url test: serves a catalogue folder (el/ and
en/ of services-extended documents) over HTTPS on loopback in the register's API shape.

    fake_mitos.py --root DIR --cert PEM --key PEM [--prefix /api] [--missing ID]

GET PREFIX/services/?page=N&limit=L lists the ids (plus --missing ones, which then answer 404),
GET PREFIX/services-extended/ID[?lang=en] answers el/ID.json or en/ID.json. Prints
"listening PORT" once it accepts; runs until killed.
"""
import argparse
import json
import os
import ssl
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--missing", action="append", default=[])
    args = parser.parse_args()
    ids = sorted(name[:-5] for name in os.listdir(os.path.join(args.root, "el"))
                 if name.endswith(".json")) + args.missing

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def answer(self, status, body):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            path = url.path[len(args.prefix):] if url.path.startswith(args.prefix) else None
            if path == "/services/":
                page = int(query.get("page", ["1"])[0])
                limit = int(query.get("limit", ["100"])[0])
                chunk = ids[(page - 1) * limit:page * limit]
                more = page * limit < len(ids)
                return self.answer(200, {
                    "success": True,
                    "data": [{"id": i, "title": {"el": "", "en": ""}} for i in chunk],
                    "total": len(ids), "next_page": page + 1 if more else None,
                    "current_page": page, "limit": limit})
            if path and path.startswith("/services-extended/"):
                service = path[len("/services-extended/"):]
                language = query.get("lang", ["el"])[0]
                file = os.path.join(args.root, language, service + ".json")
                if "/" not in service and os.path.isfile(file):
                    with open(file, "rb") as f:
                        return self.answer(200, f.read())
            self.answer(404, {"success": False, "message": "not found"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("listening", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
