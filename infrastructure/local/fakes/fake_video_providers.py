#!/usr/bin/env python3
"""Fake paid video providers for `./reelforge run` smoke checks (standard library only, 127.0.0.1).

Serves, on one port, the protocols the adapters speak, each returning a local MP4:
  OpenAI Videos  POST /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content, POST /v1/videos/{id}/remix
  fal queue      POST /{model}, GET /{app}/requests/{id}/status, GET /{app}/requests/{id}, PUT .../cancel, GET /files/…
  Bedrock        POST /async-invoke, GET /async-invoke/{url-encoded arn}; writes output.mp4 into the local S3
                 bucket directory given by --bucket-dir (S3Proxy's filesystem store), as Bedrock writes to S3.
  Luma           POST /v1/generations (Bearer luma-test-key; type video, or video_edit or video_reframe of a completed
                 generation's source.generation_id, a reframe to an aspect_ratio Luma lists other than the source's),
                 GET /v1/generations/{id}, GET /luma-files/{id}.mp4; serves --silent-clip (Ray renders no sound) when
                 given, --defective-clip for type video when given, so that review sends it back and the remix
                 (video_edit) gets the good one, and --reframed-clip for a video_reframe.
  Vertex AI      POST /token (a service account's JWT-bearer grant), POST /v1/projects/{p}/locations/{l}/publishers/
                 google/models/{m}:predictLongRunning and :fetchPredictOperation (Bearer from /token), refusing an
                 instance that breaks the documented image, lastFrame, video and referenceImages rules (400); an
                 instance with a video (one of its outputs) is an extension, answered with --extended-clip; the video comes
                 inline (bytesBase64Encoded) or, when the request names a storageUri, from the Cloud Storage JSON API
                 at GET /storage/v1/b/{bucket}/o/{object} (metadata with md5Hash; ?alt=media for the bytes).
  Replicate      POST /v1/models/{owner}/{name}/predictions (Bearer r8_test-token; input prompt, duration in 5/10,
                 aspect_ratio, resolution; a webhook must come with webhook_events_filter ["completed"]),
                 GET /v1/predictions/{id} (starting, processing, succeeded with output a file URL),
                 GET /replicate-files/{id}.mp4; serves --replicate-clip (Ray renders no sound) when given. Test
                 control: GET /_replicate/{id} (the webhook it was given), POST /_replicate/{id}/complete (its next
                 status call succeeds, as when Replicate is about to send the completed webhook).
It injects faults on purpose: the first create of each protocol answers 429 (Retry-After: 1), the first status call
of each job answers 500, and the first download of each fal, Luma or Replicate file answers 403 (an expired URL). Counts are
printed on exit and served at GET /_counts. With --port 0 the first line printed is the port chosen.

  python3 fake_video_providers.py --port 8765 --clip clip.mp4 --bucket-dir .reelforge/s3/reelforge-clips
"""
import argparse
import base64
import hashlib
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
OUTPUTS = set()


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


LUMA_KEY = "Bearer luma-test-key"
LUMA_RATIOS = ("9:16", "3:4", "1:1", "4:3", "16:9", "21:9")
REPLICATE_TOKEN = "Bearer r8_test-token"
REPLICATE_MODEL = re.compile(r"/v1/models/([a-z0-9][\w.-]*/[a-z0-9][\w.-]*)/predictions")
VERTEX_TOKEN = "ya29.fake-vertex-token"
VERTEX_MODEL = re.compile(r"/v1/(projects/[a-z0-9-]+/locations/[a-z0-9-]+/publishers/google/models/[a-z0-9.-]+)"
                          r":(predictLongRunning|fetchPredictOperation)")


def vertex_image_problem(image, where):
    if not isinstance(image, dict) or image.get("mimeType") not in ("image/jpeg", "image/png"):
        return where + ".mimeType must be image/jpeg or image/png"
    try:
        data = base64.b64decode(image.get("bytesBase64Encoded", ""), validate=True)
    except ValueError:
        return where + ".bytesBase64Encoded is not base64"
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        return where + " is not a PNG or JPEG image"
    return ""


def vertex_instance_problem(body):
    """The documented VideoGenerationModelInstance rules: lastFrame only with image; referenceImages (up to 3 asset
    images or 1 style image, each with a referenceType) exclude image, video and lastFrame."""
    instances = body.get("instances")
    if not isinstance(instances, list) or len(instances) != 1 or not instances[0].get("prompt"):
        return "instances must hold one instance with a prompt"
    instance = instances[0]
    for field in ("image", "lastFrame"):
        if field in instance:
            problem = vertex_image_problem(instance[field], field)
            if problem:
                return problem
    if "lastFrame" in instance and "image" not in instance:
        return "lastFrame can only be used if image is also provided"
    video = instance.get("video")
    if video is not None:
        if "image" in instance:
            return "video cannot be used with image"
        if video.get("mimeType") != "video/mp4" or not (video.get("gcsUri") in OUTPUTS or video.get("bytesBase64Encoded")):
            return "video must be an mp4 Veo generated (a gcsUri of an output, or its bytes)"
    refs = instance.get("referenceImages")
    if refs is None:
        return ""
    if any(f in instance for f in ("image", "video", "lastFrame")):
        return "referenceImages cannot be used with image, video or lastFrame"
    types = [r.get("referenceType") for r in refs]
    if any(t not in ("asset", "style") for t in types):
        return "each referenceImages[].referenceType must be asset or style"
    if not (0 < len(refs) <= 3 and set(types) == {"asset"}) and types != ["style"]:
        return "referenceImages takes up to 3 asset images or 1 style image"
    for i, r in enumerate(refs):
        problem = vertex_image_problem(r.get("image"), "referenceImages[%d].image" % i)
        if problem:
            return problem
    return ""


class Handler(BaseHTTPRequestHandler):
    clip = b""
    silent_clip = b""
    defective_clip = b""
    extended_clip = b""
    replicate_clip = b""
    reframed_clip = b""
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

    def raw_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n)

    def luma_post(self):
        if self.headers.get("Authorization", "") != LUMA_KEY:
            return self.reply(401, {"detail": "Invalid API key"})
        if first("luma-create"):
            return self.reply(429, {"detail": "Too many requests"}, {"Retry-After": "1"})
        body = self.body()
        if body.get("type") in ("video_edit", "video_reframe"):
            source = body.get("source", {}).get("generation_id", "")
            if JOBS.get("luma:" + source + ":state", 0) < 3:
                return self.reply(400, {"detail": "source.generation_id must name a completed video generation"})
            if body["type"] == "video_reframe":
                ratio = body.get("aspect_ratio")
                if ratio not in LUMA_RATIOS:
                    return self.reply(400, {"detail": "aspect_ratio must be one of " + ", ".join(LUMA_RATIOS)})
                if ratio == JOBS.get("luma:" + source, {}).get("aspect_ratio"):
                    return self.reply(400, {"detail": "aspect_ratio must differ from the source's"})
                count("luma-reframes")
            else:
                count("luma-edits")
        elif body.get("type") != "video":
            return self.reply(400, {"detail": "type must be video, video_edit or video_reframe"})
        n = count("luma-creates")
        gid = "7c1e0f4a-0000-4000-8000-%012d" % n
        with LOCK:
            JOBS["luma:" + gid] = body
        return self.reply(201, {"id": gid, "state": "queued", "model": body.get("model"), "type": body.get("type")})

    def luma_get(self, gid):
        if self.headers.get("Authorization", "") != LUMA_KEY:
            return self.reply(401, {"detail": "Invalid API key"})
        request = JOBS.get("luma:" + gid)
        if request is None:
            return self.reply(404, {"detail": "generation not found"})
        if first("luma-status:" + gid):
            return self.reply(500, {"detail": "internal error"})
        s = self.step("luma:" + gid + ":state")
        state = ["queued", "processing", "completed"][min(s, 3) - 1]
        answer = {"id": gid, "state": state, "model": request.get("model"), "type": request.get("type")}
        if state == "completed":
            answer["output"] = [{"type": "video", "url": "%s/luma-files/%s.mp4" % (self.base(), gid)}]
        return self.reply(200, answer)

    def replicate_post(self, model):
        if self.headers.get("Authorization", "") != REPLICATE_TOKEN:
            return self.reply(401, {"title": "Unauthenticated", "detail": "You did not pass a valid token", "status": 401})
        if first("replicate-create"):
            return self.reply(429, {"title": "Request was throttled", "detail": "Request was throttled.", "status": 429},
                              {"Retry-After": "1"})
        body = self.body()
        given = body.get("input", {})
        problem = ""
        if not given.get("prompt"):
            problem = "input.prompt is required"
        elif given.get("duration") not in (5, 10):
            problem = "input.duration: duration must be one of the following: 5, 10"
        elif "webhook" in body and body.get("webhook_events_filter") != ["completed"]:
            problem = "webhook_events_filter must be [\"completed\"] here"
        if problem:
            return self.reply(422, {"title": "Input validation failed", "detail": problem, "status": 422})
        n = count("replicate-creates")
        pid = "rfakepred%016d" % n
        with LOCK:
            JOBS["replicate:" + pid] = {"model": model, "input": given, "webhook": body.get("webhook", ""),
                                        "webhook_events_filter": body.get("webhook_events_filter")}
        return self.reply(201, {"id": pid, "model": model, "input": given, "status": "starting", "output": None,
                                "error": None, "urls": {"get": "%s/v1/predictions/%s" % (self.base(), pid)}})

    def replicate_get(self, pid):
        if self.headers.get("Authorization", "") != REPLICATE_TOKEN:
            return self.reply(401, {"title": "Unauthenticated", "detail": "You did not pass a valid token", "status": 401})
        known = JOBS.get("replicate:" + pid)
        if known is None:
            return self.reply(404, {"title": "Not found", "detail": "The requested resource could not be found.", "status": 404})
        if first("replicate-status:" + pid):
            return self.reply(500, {"detail": "internal error"})
        s = self.step("replicate:" + pid + ":state")
        status = ["starting", "processing", "succeeded"][min(s, 3) - 1]
        output = "%s/replicate-files/%s.mp4" % (self.base(), pid) if status == "succeeded" else None
        return self.reply(200, {"id": pid, "model": known["model"], "input": known["input"], "status": status,
                                "output": output, "error": None})

    def replicate_control(self, pid, action):
        """Test control: what a prediction was asked to call back, or finish it (its next GET succeeds)."""
        known = JOBS.get("replicate:" + pid)
        if known is None:
            return self.reply(404, {"detail": "no prediction " + pid})
        if action == "complete":
            with LOCK:
                JOBS["replicate:" + pid + ":state"] = 2
        return self.reply(200, {"id": pid, "webhook": known["webhook"],
                                "webhook_events_filter": known["webhook_events_filter"]})

    def vertex_token(self):
        form = urllib.parse.parse_qs(self.raw_body().decode())
        if form.get("grant_type") != ["urn:ietf:params:oauth:grant-type:jwt-bearer"] or not form.get("assertion"):
            return self.reply(400, {"error": "invalid_grant", "error_description": "not a JWT-bearer grant"})
        count("vertex-tokens")
        return self.reply(200, {"access_token": VERTEX_TOKEN, "expires_in": 3599, "token_type": "Bearer"})

    def vertex_post(self, model, verb):
        if self.headers.get("Authorization", "") != "Bearer " + VERTEX_TOKEN:
            return self.reply(401, {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
                                              "status": "UNAUTHENTICATED"}})
        body = self.body()
        if verb == "predictLongRunning":
            problem = vertex_instance_problem(body)
            if problem:
                return self.reply(400, {"error": {"code": 400, "message": problem, "status": "INVALID_ARGUMENT"}})
            if first("vertex-create"):
                return self.reply(429, {"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}})
            instance = body["instances"][0]
            for field, name in (("image", "vertex-first-frames"), ("lastFrame", "vertex-last-frames")):
                if field in instance:
                    count(name)
            for ref in instance.get("referenceImages", []):
                count("vertex-reference-" + ref["referenceType"])
            n = count("vertex-creates")
            name = "%s/operations/%08d-fake" % (model, n)
            if "video" in instance:
                count("vertex-extends")
                name += "-extend"
            with LOCK:
                JOBS["vertex:" + name] = body
            return self.reply(200, {"name": name})
        name = body.get("operationName", "")
        request = JOBS.get("vertex:" + name)
        if request is None:
            return self.reply(404, {"error": {"code": 404, "message": "operation not found", "status": "NOT_FOUND"}})
        if self.step("vertex:" + name + ":state") < 2:
            return self.reply(200, {"name": name, "done": False})
        storage = request.get("parameters", {}).get("storageUri", "")
        if storage:
            gcs = "%s/%s/sample_0.mp4" % (storage.rstrip("/"), name.rsplit("/", 1)[-1])
            OUTPUTS.add(gcs)
            video = {"gcsUri": gcs, "mimeType": "video/mp4"}
        else:
            video = {"bytesBase64Encoded": base64.b64encode(self.clip).decode(), "mimeType": "video/mp4"}
        return self.reply(200, {"name": name, "done": True, "response": {
            "@type": "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
            "raiMediaFilteredCount": 0, "videos": [video]}})

    def do_POST(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/v1/generations":
            return self.luma_post()
        if path == "/token":
            return self.vertex_token()
        m = REPLICATE_MODEL.fullmatch(path)
        if m:
            return self.replicate_post(m.group(1))
        m = re.fullmatch(r"/_replicate/([a-z0-9]+)/complete", path)
        if m:
            return self.replicate_control(m.group(1), "complete")
        m = VERTEX_MODEL.fullmatch(path)
        if m:
            return self.vertex_post(m.group(1), m.group(2))
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
        m = re.fullmatch(r"/_replicate/([a-z0-9]+)", path)
        if m:
            return self.replicate_control(m.group(1), "show")
        m = re.fullmatch(r"/v1/generations/([\w-]+)", path)
        if m:
            return self.luma_get(m.group(1))
        m = re.fullmatch(r"/v1/predictions/([a-z0-9]+)", path)
        if m:
            return self.replicate_get(m.group(1))
        m = re.fullmatch(r"/replicate-files/([a-z0-9]+)\.mp4", path)
        if m:
            if first("replicate-file:" + m.group(1)):
                return self.reply(403, {"detail": "Request has expired"})
            count("replicate-downloads")
            return self.reply(200, raw=self.replicate_clip or self.clip)
        m = re.fullmatch(r"/luma-files/([\w-]+)\.mp4", path)
        if m:
            if first("luma-file:" + m.group(1)):
                return self.reply(403, {"detail": "Request has expired"})
            count("luma-downloads")
            kind = JOBS.get("luma:" + m.group(1), {}).get("type")
            if kind == "video" and self.defective_clip:
                return self.reply(200, raw=self.defective_clip)
            if kind == "video_reframe" and self.reframed_clip:
                return self.reply(200, raw=self.reframed_clip)
            return self.reply(200, raw=self.silent_clip or self.clip)
        m = re.fullmatch(r"/storage/v1/b/([\w.-]+)/o/(.+)", path)
        if m:
            if self.headers.get("Authorization", "") != "Bearer " + VERTEX_TOKEN:
                return self.reply(401, {"error": {"code": 401, "message": "Anonymous caller"}})
            clip = self.extended_clip if "-extend/" in urllib.parse.unquote(m.group(2)) and self.extended_clip \
                else self.clip
            if urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("alt") == ["media"]:
                count("gcs-downloads")
                return self.reply(200, raw=clip)
            md5 = base64.b64encode(hashlib.md5(clip).digest()).decode()
            return self.reply(200, {"kind": "storage#object", "bucket": m.group(1),
                                    "name": urllib.parse.unquote(m.group(2)), "size": str(len(clip)), "md5Hash": md5})
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
    parser.add_argument("--silent-clip", help="the clip Luma serves (Ray renders no sound); default --clip")
    parser.add_argument("--defective-clip", help="the clip Luma serves for type video; the edit gets the good one")
    parser.add_argument("--extended-clip", help="the clip a Veo extension (instances[].video) returns; default --clip")
    parser.add_argument("--replicate-clip", help="the clip Replicate serves; default --clip")
    parser.add_argument("--reframed-clip", help="the clip a Luma video_reframe returns; default the silent clip")
    parser.add_argument("--bucket-dir")
    args = parser.parse_args()
    Handler.clip = Path(args.clip).read_bytes()
    Handler.silent_clip = Path(args.silent_clip).read_bytes() if args.silent_clip else b""
    Handler.defective_clip = Path(args.defective_clip).read_bytes() if args.defective_clip else b""
    Handler.extended_clip = Path(args.extended_clip).read_bytes() if args.extended_clip else b""
    Handler.replicate_clip = Path(args.replicate_clip).read_bytes() if args.replicate_clip else b""
    Handler.reframed_clip = Path(args.reframed_clip).read_bytes() if args.reframed_clip else b""
    Handler.bucket_dir = args.bucket_dir
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    if args.port == 0:
        print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        print(json.dumps(COUNTS), flush=True)


if __name__ == "__main__":
    main()
