#!/usr/bin/env python3
"""The web server hansard's fetch tests talk to, on 127.0.0.1 only.

It stands for every allowed host at once: a request for /HOST/PATH is answered from ROOT/HOST/PATH, which is how
hansard asks when HANSARD_FETCH_BASE_URL points at it. Folders are answered with an Apache-style listing.
Files and listings carry an ETag (their SHA-256) and a Last-Modified, and conditional requests get 304.

RULES (a JSON file read at every request, so a test can change it between runs) maps a request path to a
misbehaviour: {"status": 500}, {"redirect": "LOCATION"}, {"delay": SECONDS}, {"endless": true},
{"truncate": BYTES}, {"cookie": "name=value"}. Every request is logged to LOG as one JSON line.

Prints the port on its first line of output. Stops by itself after --lifetime seconds.
"""

import argparse
import email.utils
import hashlib
import html
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--rules", required=True)
parser.add_argument("--lifetime", type=float, default=600)
options = parser.parse_args()
log_lock = threading.Lock()


def content_type(path, body):
    if path.endswith(".xml") or body.lstrip().startswith(b"<?xml"):
        return "application/xml"
    if path.endswith(".txt"):
        return "text/plain; charset=utf-8"
    return "text/html; charset=utf-8"


def listing(folder, url_path):
    rows = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("."):
            continue
        full = os.path.join(folder, name)
        shown = name + "/" if os.path.isdir(full) else name
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(os.path.getmtime(full)))
        size = "-" if os.path.isdir(full) else "%dK" % max(1, os.path.getsize(full) // 1024)
        quoted = urllib.parse.quote(shown)
        rows.append(
            '<tr><td valign="top"><img src="/icons/text.gif" alt="[TXT]"></td><td><a href="%s">%s</a></td>'
            '<td align="right">%s  </td><td align="right">%s</td><td>&nbsp;</td></tr>' % (quoted, html.escape(shown), stamp, size))
    title = html.escape("Index of " + url_path)
    page = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>%s</title>\n </head>\n'
        ' <body>\n<h1>%s</h1>\n  <table>\n   <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th>'
        '<th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th>'
        '<th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>\n'
        '   <tr><th colspan="5"><hr></th></tr>\n'
        '<tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="../">Parent Directory</a>'
        '</td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>\n%s\n'
        '   <tr><th colspan="5"><hr></th></tr>\n</table>\n</body></html>\n' % (title, title, "\n".join(rows)))
    return page.encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "loopback-test/1"

    def log_message(self, format, *args):
        pass

    def record(self, status):
        entry = {
            "path": self.path,
            "status": status,
            "userAgent": self.headers.get("User-Agent"),
            "ifNoneMatch": self.headers.get("If-None-Match"),
            "ifModifiedSince": self.headers.get("If-Modified-Since"),
            "cookie": self.headers.get("Cookie"),
        }
        with log_lock, open(options.log, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def plain(self, status, text, extra=()):
        body = text.encode("utf-8")
        self.record(status)
        self.send_response(status)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        try:
            with open(options.rules) as handle:
                rules = json.load(handle)
        except (OSError, ValueError):
            rules = {}
        rule = rules.get(self.path, {})
        if "delay" in rule:
            time.sleep(float(rule["delay"]))
        if "status" in rule and "redirect" not in rule:
            return self.plain(int(rule["status"]), "status %s\n" % rule["status"])
        if "redirect" in rule:
            return self.plain(int(rule.get("status", 302)), "moved\n", [("Location", rule["redirect"])])
        if rule.get("endless"):
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65532 + b"\n"
            sent = 0
            try:
                # Bounded: 200 MB at most, whoever is listening.
                while sent < 200_000_000:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
            except OSError:
                pass
            self.close_connection = True
            return

        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        parts = [part for part in url_path.split("/") if part]
        if any(part in (".", "..") for part in parts):
            return self.plain(400, "bad path\n")
        local = os.path.join(options.root, *parts)
        if os.path.isdir(local):
            if not url_path.endswith("/"):
                return self.plain(301, "moved\n", [("Location", url_path + "/")])
            body = listing(local, "/" + "/".join(parts[1:]))
            modified = max([os.path.getmtime(local)] + [os.path.getmtime(os.path.join(local, n)) for n in os.listdir(local)])
            kind = "text/html;charset=UTF-8"
        elif os.path.isfile(local):
            with open(local, "rb") as handle:
                body = handle.read()
            modified = os.path.getmtime(local)
            kind = content_type(local, body)
        else:
            return self.plain(404, "not found\n")

        etag = '"%s"' % hashlib.sha256(body).hexdigest()
        last_modified = email.utils.formatdate(modified, usegmt=True)
        unchanged = False
        if self.headers.get("If-None-Match") is not None:
            unchanged = self.headers.get("If-None-Match") == etag
        elif self.headers.get("If-Modified-Since") is not None:
            since = email.utils.parsedate_to_datetime(self.headers.get("If-Modified-Since")).timestamp()
            unchanged = int(modified) <= since
        if unchanged:
            self.record(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        if "cookie" in rule:
            self.send_header("Set-Cookie", rule["cookie"] + "; Path=/")
        self.end_headers()
        if "truncate" in rule:
            self.wfile.write(body[: int(rule["truncate"])])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Timer(options.lifetime, server.shutdown).start()
server.serve_forever()
