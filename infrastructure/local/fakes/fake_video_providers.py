#!/usr/bin/env python3
"""Fake paid video providers for `./reelforge run` smoke checks (standard library only, 127.0.0.1).

Serves, on one port, the three protocols the adapters speak, each returning the same local MP4:
  OpenAI Videos  POST /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content, POST /v1/videos/{id}/remix
  fal queue      POST /{model}, GET /{app}/requests/{id}/status, GET /{app}/requests/{id}, PUT .../cancel, GET /files/…
  Bedrock        POST /async-invoke, GET /async-invoke/{url-encoded arn}; writes output.mp4 into the local S3
                 bucket directory given by --bucket-dir (S3Proxy's filesystem store), as Bedrock writes to S3.
It injects faults on purpose: the first create of each protocol answers 429 (Retry-After: 1), the first status call
of each job answers 500, and the first download of each fal file answers 403 (an expired URL). Counts are printed on
exit and served at GET /_counts.

  python3 fake_video_providers.py --port 8765 --clip clip.mp4 --bucket-dir .reelforge/s3/reelforge-clips
"""
import argparse
import json
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOCK = threading.Lock()
COUNTS = {}
JOBS = {}
SEEN = set()


def count(name):
    with LOCK:
        COUNTS[name] = COUNTS.get(name, 0) + 1
        return COUNTS[name]


def first(key):
    with LOCK:
        if key in SEEN:
            return False
        SEEN.add(key)
        return True


class Handler(BaseHTTPRequestHandler):
    clip = b""
    bucket_dir = None

    def log_message(self, fmt, *args):
        pass

    def reply(self, status, body=None, headers=None, raw=None):
        data = raw if raw is not None else json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "video/mp4" if raw is not None else "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}")

    def base(self):
        return "http://%s" % self.headers["Host"]

    def step(self, job_id):
        with LOCK:
            JOBS[job_id] = min(JOBS.get(job_id, 0) + 1, 3)
            return JOBS[job_id]

    def do_POST(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/v1/videos" or re.fullmatch(r"/v1/videos/[\w-]+/remix", path):
            if first("openai-create"):
                return self.reply(429, {"error": {"message": "Rate limit reached", "code": "rate_limit_exceeded"}}, {"Retry-After": "1"})
            n = count("openai-creates")
            self.body()
            return self.reply(200, {"id": "video_fake%04d" % n, "object": "video", "status": "queued", "progress": 0},
                              {"openai-poll-after-ms": "1000"})
        if path == "/async-invoke":
            if first("bedrock-create"):
                return self.reply(429, {"message": "Too many requests"}, {"x-amzn-ErrorType": "ThrottlingException"})
            body = self.body()
            token = body.get("clientRequestToken", "")
            with LOCK:
                known = JOBS.get("token:" + token)
                if known is None:
                    COUNTS["bedrock-creates"] = COUNTS.get("bedrock-creates", 0) + 1
                    known = "%012x" % COUNTS["bedrock-creates"]
                    JOBS["token:" + token] = known
                    JOBS["prefix:" + known] = body["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"]
            return self.reply(200, {"invocationArn": "arn:aws:bedrock:us-east-1:123456789012:async-invoke/" + known})
        if self.headers.get("Authorization", "") != "Key test-key":
            return self.reply(401, {"detail": "bad key"})
        if first("fal-create"):
            return self.reply(429, {"detail": "slow down"}, {"Retry-After": "1"})
        n = count("fal-creates")
        self.body()
        app = "/".join(path.strip("/").split("/")[:2])
        rid = "00000000-0000-4000-8000-%012d" % n
        url = "%s/%s/requests/%s" % (self.base(), app, rid)
        return self.reply(200, {"request_id": rid, "response_url": url, "status_url": url + "/status", "cancel_url": url + "/cancel"})

    def do_PUT(self):
        return self.reply(202, {"status": "CANCELLATION_REQUESTED"})

    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/_counts":
            return self.reply(200, COUNTS)
        m = re.fullmatch(r"/v1/videos/([\w-]+)(/content)?", path)
        if m:
            if m.group(2):
                return self.reply(200, raw=self.clip)
            if first("openai-status:" + m.group(1)):
                return self.reply(500, {"error": {"message": "server error"}})
            s = self.step(m.group(1))
            status = ["queued", "in_progress", "completed"][min(s, 3) - 1]
            return self.reply(200, {"id": m.group(1), "object": "video", "status": status, "progress": min(100, s * 40)},
                              {"openai-poll-after-ms": "1000"})
        m = re.fullmatch(r"/async-invoke/(.+)", path)
        if m:
            arn = urllib.parse.unquote(m.group(1))
            inv = arn.rsplit("/", 1)[-1]
            prefix = JOBS.get("prefix:" + inv, "")
            s = self.step(arn)
            if s >= 2 and self.bucket_dir:
                key = urllib.parse.urlparse(prefix).path.strip("/")
                out = Path(self.bucket_dir) / key / inv / "output.mp4"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(self.clip)
            return self.reply(200, {"invocationArn": arn, "modelArn": "arn:aws:bedrock:us-east-1::foundation-model/luma.ray-v2:0",
                                    "status": "Completed" if s >= 2 else "InProgress", "submitTime": "2026-11-24T10:00:00Z",
                                    "outputDataConfig": {"s3OutputDataConfig": {"s3Uri": prefix.rstrip("/") + "/" + inv}}})
        m = re.fullmatch(r"/files/([\w-]+)\.mp4", path)
        if m:
            if first("file:" + m.group(1)):
                return self.reply(403, {"detail": "expired"})
            return self.reply(200, raw=self.clip)
        if self.headers.get("Authorization", "") != "Key test-key":
            return self.reply(401, {"detail": "bad key"})
        m = re.fullmatch(r"/([\w.-]+/[\w.-]+)/requests/([\w-]+)(/status)?", path)
        if m:
            if m.group(3):
                if first("fal-status:" + m.group(2)):
                    return self.reply(500, {"detail": "internal"})
                s = self.step(m.group(2))
                return self.reply(200, {"status": ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"][min(s, 3) - 1]})
            return self.reply(200, {"video": {"url": "%s/files/%s.mp4" % (self.base(), m.group(2)), "content_type": "video/mp4"}})
        return self.reply(404, {"detail": "not found"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--clip", required=True)
    parser.add_argument("--bucket-dir")
    args = parser.parse_args()
    Handler.clip = Path(args.clip).read_bytes()
    Handler.bucket_dir = args.bucket_dir
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        print(json.dumps(COUNTS), flush=True)


if __name__ == "__main__":
    main()
