"""A local stand-in for the services the example cassettes were recorded from.

Serves, on 127.0.0.1, the responses of cassettes dumped as JSON by `vcr dump`:
each request is answered by the first unused interaction with the same method,
path and body (bodies compared as JSON when both parse), with the recorded
status, headers and body bytes (the seed recordings). A body recorded with an
unknown length (`content_length: -1`) is sent chunked, one event or line per
chunk, as the real service streams it.

Usage: stand_in_server.py PORT_FILE DUMP.json...   (writes the chosen port to PORT_FILE)
"""

import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


def body_bytes(value):
    if isinstance(value, dict):
        return base64.b64decode(value["binary"])
    return value.encode("utf-8")


def same_body(recorded, received):
    if recorded == received:
        return True
    try:
        return json.loads(recorded) == json.loads(received)
    except ValueError:
        return False


def pieces(body):
    """The body cut after each blank line (events) or, failing that, each line."""
    separator = b"\n\n" if b"\n\n" in body else b"\n"
    parts = body.split(separator)
    result = [part + separator for part in parts[:-1]]
    if parts[-1]:
        result.append(parts[-1])
    return result


class StandIn(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    interactions = []
    lock = threading.Lock()

    def log_message(self, format, *args):
        sys.stderr.write("stand-in: " + (format % args) + "\n")

    def handle_one(self):
        length = int(self.headers.get("Content-Length") or 0)
        received = self.rfile.read(length) if length else b""
        path = urlsplit(self.path).path
        with StandIn.lock:
            match = next(
                (
                    entry
                    for entry in StandIn.interactions
                    if not entry["used"]
                    and entry["request"]["method"] == self.command
                    and urlsplit(entry["request"]["url"]).path == path
                    and same_body(body_bytes(entry["request"]["body"]), received)
                ),
                None,
            )
            if match:
                match["used"] = True
        if match is None:
            message = b"no recorded interaction for this request\n"
            self.send_response_only(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)
            return
        response = match["response"]
        body = body_bytes(response["body"])
        chunked = response["content_length"] == -1
        self.send_response_only(response["code"], response["status"].partition(" ")[2])
        skipped = {"content-length", "transfer-encoding", "content-encoding", "connection"}
        for name, values in response["headers"].items():
            if name.lower() not in skipped:
                for value in values:
                    self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in pieces(body):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_one


def main():
    port_file, dumps = sys.argv[1], sys.argv[2:]
    for dump in dumps:
        with open(dump, encoding="utf-8") as file:
            for interaction in json.load(file)["interactions"]:
                StandIn.interactions.append(dict(interaction, used=False))
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    with open(port_file, "w", encoding="utf-8") as file:
        file.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
