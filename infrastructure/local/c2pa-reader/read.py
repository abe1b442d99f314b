"""Reads and validates C2PA manifests with c2pa-python's own Reader: one JSON line per file.

Usage: read.py TRUST_ANCHORS_PEM FILE [FILE ...]   (.jpg/.jpeg read as image/jpeg, anything else as video/mp4)
Prints {"file", "validation_state", "failures", "claim_generator", "actions": [{"action", "digitalSourceType"}],
"ingredients": [{"title", "relationship"}]} per file, or {"file", "error"} when it has no readable manifest.
"""
import json
import sys

import c2pa


def summary(path, media_type, context):
    try:
        with open(path, "rb") as stream:
            store = json.loads(c2pa.Reader(media_type, stream, context=context).json())
    except Exception as error:  # the reader's verdict on this file, reported rather than raised
        return {"file": path, "error": str(error)}
    active = store["manifests"][store["active_manifest"]]
    actions = [
        {"action": action.get("action"), "digitalSourceType": action.get("digitalSourceType", "")}
        for assertion in active.get("assertions", []) if assertion["label"].startswith("c2pa.actions")
        for action in assertion["data"].get("actions", [])
    ]
    failures = store.get("validation_results", {}).get("activeManifest", {}).get("failure", [])
    generator = (active.get("claim_generator_info") or [{}])[0]
    return {
        "file": path,
        "validation_state": store.get("validation_state"),
        "failures": [f["code"] for f in failures],
        "claim_generator": generator.get("name", ""),
        "actions": actions,
        "ingredients": [{"title": i.get("title"), "relationship": i.get("relationship")} for i in active.get("ingredients", [])],
    }


def main():
    anchors, files = sys.argv[1], sys.argv[2:]
    settings = c2pa.Settings()
    with open(anchors, encoding="ascii") as pem:
        settings.update({"trust": {"trust_anchors": pem.read()}, "verify": {"verify_trust": True}})
    context = c2pa.Context(settings)
    for path in files:
        media_type = "image/jpeg" if path.lower().endswith((".jpg", ".jpeg")) else "video/mp4"
        print(json.dumps(summary(path, media_type, context)), flush=True)


if __name__ == "__main__":
    main()
