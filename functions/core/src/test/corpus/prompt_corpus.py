#!/usr/bin/env python3
"""Writes functions/core/src/test/resources/dev/reelforge/core/request/prompt-corpus.json (issue 17).

Two kinds of entry, each with the parse a reader of the prompt expects:
- "hand": prompts written out in full below, with their expected parse written by hand;
- "template": prompts composed from a scene (subject, setting, beat actions, sounds) in one of the layouts and cue
  styles creators' guides use. The expected parse comes from the scene itself (the beat spans, the cue times, which
  beats name a shot), never from running the parser, so a parser that misreads a layout fails the test.

Deterministic (seeded). Run: python3 functions/core/src/test/corpus/prompt_corpus.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "dev", "reelforge", "core", "request", "prompt-corpus.json")

SCENES = [
    dict(intro="A heavy white ceramic mug (about 350 g) on a wooden kitchen table, soft morning light from the left.",
         actions=["the mug rests near the table edge", "the mug tips over the edge and falls", "it shatters into three pieces on the tile floor", "the shards skid and settle"],
         sounds=["ceramic scrape", "hard ceramic impact", "shards skittering", "a faint ring"],
         ambience="quiet kitchen room tone throughout"),
    dict(intro="A red rubber ball (600 g) in an empty concrete studio, cool overhead light.",
         actions=["the ball drops from frame top", "it bounces twice, each bounce lower", "it rolls towards the wall", "it comes to rest"],
         sounds=["rubber thud", "smaller thud", "soft rolling rumble", "a final tap"],
         ambience="low studio hum"),
    dict(intro="A green glass bottle (1.2 kg, full of water) stands on a marble counter in a bright bar.",
         actions=["the bottle wobbles", "it topples sideways", "it rolls along the counter", "water glugs out onto the floor"],
         sounds=["glass clink", "heavy glass knock", "bottle rolling", "water splashing"],
         ambience="murmur of a quiet bar"),
    dict(intro="A matte black smartphone on a rotating white plinth, studio product lighting, warm key from the right.",
         actions=["the phone turns slowly", "light sweeps across the glass back", "the screen wakes", "the logo appears on screen"],
         sounds=["soft whoosh", "subtle shimmer", "UI chime", "bass hit"],
         ambience="airy synth pad"),
    dict(intro="A woman in a blue dress stands on a wooden pier at sunset, warm backlight.",
         actions=["she looks out to sea", "she turns towards the camera", "she waves slowly", "she smiles"],
         sounds=["gulls crying", "boards creaking", "wind gust", "distant bell"],
         ambience="waves lapping"),
    dict(intro="A brown cardboard box (2 lb) sits on a grey office desk under fluorescent light.",
         actions=["the box sits still", "a hand slides it to the desk edge", "the box falls to the carpet", "the lid pops open"],
         sounds=["cardboard scrape", "dull thump", "lid flap", "paper rustle"],
         ambience="office air conditioning"),
    dict(intro="A tabby cat on a windowsill in a sunny living room.",
         actions=["the cat stretches", "it crouches", "it leaps down onto the rug", "it trots out of frame"],
         sounds=["soft purr", "paws landing", "collar bell", "floorboard creak"],
         ambience="birdsong outside"),
    dict(intro="A wine glass (8 oz) of red wine on a linen tablecloth, candlelit restaurant.",
         actions=["the glass stands still", "an elbow knocks it", "the glass falls", "wine spreads across the cloth"],
         sounds=["elbow bump", "glass tipping", "glass shattering", "liquid splatter"],
         ambience="restaurant chatter"),
    dict(intro="A yellow tennis ball on a clay court, bright noon sun from above.",
         actions=["the ball lies still", "a racket strikes it", "the ball flies across the net", "it bounces near the baseline"],
         sounds=["racket thwock", "ball whizz", "ball bounce", "shoes squeak"],
         ambience="distant crowd murmur"),
    dict(intro="A stack of three wooden blocks on a playroom floor, soft daylight.",
         actions=["the tower stands", "the top block slides", "the tower tumbles", "the blocks scatter"],
         sounds=["wood creak", "block slide", "wooden clatter", "last block tap"],
         ambience="quiet room tone"),
    dict(intro="A silver kettle on a gas stove in a cosy kitchen.",
         actions=["steam rises from the spout", "the kettle starts to rattle", "the whistle blows", "a hand lifts the kettle"],
         sounds=["gentle bubbling", "lid rattle", "kettle whistle", "stove click"],
         ambience="rain on the window"),
    dict(intro="A golden retriever on a grassy park lawn, overcast light.",
         actions=["the dog sits", "it spots a frisbee", "it sprints across the grass", "it catches the frisbee mid-air"],
         sounds=["panting", "frisbee whoosh", "paws thudding", "happy bark"],
         ambience="park ambience"),
]

FRAMINGS = [("Wide shot: ", "wide"), ("Close-up: ", "close-up"), ("Medium shot: ", "medium"),
            ("Cut to a close-up as ", "close-up"), ("Reverse angle — ", "unspecified"), ("ECU: ", "extreme close-up"),
            ("MCU, ", "medium close-up"), ("Establishing shot: ", "extreme wide"), ("Wide: ", "wide"),
            ("Cut to: ", "unspecified"), ("Medium close-up — ", "medium close-up"), ("Close up, ", "close-up")]
ONE_SHOT_DECLARATIONS = ["Camera: locked-off tripod, 35 mm, no movement.", "One continuous shot, no cuts.",
                         "Static camera on a tripod.", "Shot as a single take, 50 mm."]
FREE_CAMERA = ["Camera: slow dolly-in, 35 mm.", "Handheld, gentle shake.", "Camera: slow pan left.", "Gimbal, 24 mm.", ""]


def clock(t, rng, style):
    if style == "mmss":
        m, s = divmod(t, 60)
        return f"{int(m):02d}:{s:05.2f}".rstrip("0").rstrip(".") if t != int(t) else f"{int(m):02d}:{int(s):02d}"
    if style == "mss":
        m, s = divmod(t, 60)
        return f"{int(m)}:{int(s):02d}" if t == int(t) else f"{int(m)}:{s:05.2f}".rstrip("0")
    return (f"{t:g}s")


def spans(duration, n, rng):
    cuts = sorted(rng.sample([x / 2 for x in range(2, int(duration * 2) - 1)], n - 1))
    points = [0.0] + cuts + [float(duration)]
    return [(points[i], points[i + 1]) for i in range(n)]


def beat_layout(style, beats, rng, fps):
    """The storyboard text for the beats: (text, [(start, end)]) in the layout."""
    ts = rng.choice(["mmss", "mss"])
    lines = []
    out_spans = []
    for i, (start, end, text) in enumerate(beats):
        if style == "lines":
            lines.append(f"{clock(start, rng, ts)}–{clock(end, rng, ts)}: {text}.")
        elif style == "inline":
            sep = rng.choice(["–", "—", "-", " to "])
            lines.append(f"{clock(start, rng, ts)}{sep}{clock(end, rng, ts)}: {text}.")
        elif style == "seconds":
            lines.append(f"{start:g}–{end:g}s: {text}.")
        elif style == "seconds-dash":
            lines.append(f"{start:g}s-{end:g}s - {text}.")
        elif style == "brackets":
            lines.append(f"[{clock(start, rng, ts)}–{clock(end, rng, ts)}] {text}.")
        elif style == "parens":
            lines.append(f"({clock(start, rng, 'mss')} to {clock(end, rng, 'mss')}) {text}.")
        elif style == "shot-labels":
            lines.append(f"Shot {i + 1} ({clock(start, rng, ts)}–{clock(end, rng, ts)}): {text}.")
        elif style == "bullets":
            lines.append(f"- {clock(start, rng, ts)} - {clock(end, rng, ts)}: {text}")
        elif style == "em-dash":
            lines.append(f"{clock(start, rng, 'mss')}-{clock(end, rng, 'mss')} — {text}.")
        elif style == "start-only":
            lines.append(f"[{clock(start, rng, ts)}] {text}.")
        elif style == "header-line":
            lines.append(f"{clock(start, rng, ts)}–{clock(end, rng, ts)}\n{text}.")
        elif style == "from-to":
            lines.append(f"From {start:g}s to {end:g}s, {text}.")
        out_spans.append((start, end))
    joiner = " " if style in ("inline", "start-only") else "\n"
    return joiner.join(lines), out_spans


def frames_layout(beats, fps, rng):
    parts = []
    out = []
    for start, end, text in beats:
        first = round(start * fps) + 1
        last = round(end * fps)
        parts.append(f"Frames {first}{rng.choice(['–', '-', ' to '])}{last}: {text}")
        out.append(((first - 1) / fps, last / fps))
    return rng.choice(["; ", "\n"]).join(parts), out


def cue_text(style, cues, rng, ambience):
    ts = rng.choice(["mmss", "mss", "sec"])
    items = []
    for at, sound in cues:
        t = clock(at, rng, ts)
        items.append({"at": f"{sound} at {t}", "at-first": f"at {t}, {sound}", "time-first": f"{t} {sound}",
                      "paren": f"{sound} ({t})", "at-sign": f"{sound} @ {t}"}[style])
    label = rng.choice(["Audio:", "Sound:", "SFX:", "Audio cues:", "Sound design:"])
    if ambience:
        items.insert(rng.randrange(len(items) + 1), ambience)
    if style in ("at-first",):
        sep = "; "
    else:
        sep = rng.choice([", ", "; "])
    body = sep.join(items)
    if rng.random() < 0.3 and len(items) > 1 and style != "at-first":
        body = sep.join(items[:-1]) + " and " + items[-1]
    return f"{label} {body}"


def cue_block(cues, rng, ambience):
    lines = [f"- {clock(at, rng, 'mmss')} {sound}" for at, sound in cues]
    if ambience:
        lines.insert(0, f"- {ambience}")
    return "Audio:\n" + "\n".join(lines)


def template_entries():
    rng = random.Random(17)
    layouts = ["lines", "inline", "seconds", "seconds-dash", "brackets", "parens", "shot-labels", "bullets", "em-dash",
               "start-only", "header-line", "from-to", "frames", "none"]
    cue_styles = ["at", "at-first", "time-first", "paren", "at-sign", "block", "none"]
    entries = []
    for n in range(130):
        scene = SCENES[n % len(SCENES)]
        layout = layouts[n % len(layouts)]
        cue_style = cue_styles[(n // len(layouts) + n) % len(cue_styles)]
        duration = rng.choice([6, 8, 9, 10]) if layout != "none" else rng.choice([5, 6, 8])
        fps = rng.choice([24, 30]) if layout == "frames" else 24
        one_shot = rng.random() < 0.3
        beat_count = rng.choice([2, 3, 3, 4])
        raw_spans = spans(duration, beat_count, rng)
        beats = []
        names = []
        for i, (start, end) in enumerate(raw_spans):
            action = scene["actions"][i]
            framing = None
            if not one_shot and (i == 0 and rng.random() < 0.6 or i > 0 and rng.random() < 0.5):
                framing = rng.choice(FRAMINGS)
            text = (framing[0] + action) if framing else action
            beats.append((start, end, text))
            names.append(framing)
        camera = rng.choice(ONE_SHOT_DECLARATIONS) if one_shot else rng.choice(FREE_CAMERA)
        description = (scene["intro"] + (" " + camera if camera else "")).strip()
        if layout == "frames":
            board, exact = frames_layout(beats, fps, rng)
        elif layout == "none":
            board, exact = "", []
        else:
            board, exact = beat_layout(layout, beats, rng, fps)
        cue_count = 0 if cue_style == "none" else rng.choice([1, 2, 3])
        cue_times = sorted(rng.sample([x / 10 for x in range(3, duration * 10 - 2, 3)], cue_count))
        cues = [(t, scene["sounds"][i]) for i, t in enumerate(cue_times)]
        ambience = scene["ambience"] if rng.random() < 0.4 and cue_style != "none" else None
        audio = ""
        if cue_style == "block":
            audio = cue_block(cues, rng, ambience)
        elif cue_style != "none":
            audio = cue_text(cue_style, cues, rng, ambience)
        if layout == "none":
            prompt = " ".join(p for p in [description, " ".join(a + "." for a in scene["actions"][:2])] if p)
            text_of_only_beat = prompt
            if audio:
                prompt += ("\n" if cue_style == "block" or rng.random() < 0.5 else " ") + audio
        elif layout in ("inline", "start-only") and cue_style != "block":
            prompt = description + " " + board + (" " + audio if audio else "")
        else:
            prompt = description + "\n" + board + ("\n" + audio if audio else "")
        expect_beats = []
        shots = []
        if layout == "none":
            expect_beats.append({"start": 0, "end": duration, "shot": 0})
            shots.append({"start": 0, "end": duration, "framing": framing_of(description)})
        else:
            for i, ((start, end), (_, _, text), framing) in enumerate(zip(exact, beats, names)):
                if i == 0 or framing is not None or layout == "shot-labels":
                    shots.append({"start": start, "end": end, "framing": framing[1] if framing else framing_of(description)})
                else:
                    shots[-1]["end"] = end
                    if shots[-1]["framing"] == "unspecified" and framing:
                        shots[-1]["framing"] = framing[1]
                text_out = text if layout in ("bullets", "frames") else text + "."
                if layout == "shot-labels":
                    text_out = f"Shot {i + 1}: {text_out}"
                expect_beats.append({"start": round(start, 6), "end": round(end, 6), "shot": len(shots) - 1, "text": text_out})
        for s in shots:
            s["start"] = round(s["start"], 6)
            s["end"] = round(s["end"], 6)
        entry = {"id": f"template-{n:03d}-{layout}-{cue_style}", "source": "template", "style": f"{layout} / {cue_style}",
                 "prompt": prompt, "durationSeconds": duration, "fps": fps,
                 "expect": {"beats": expect_beats, "cues": [{"at": t, "sound": s} for t, s in cues], "shots": shots}}
        if ambience:
            entry["expect"]["ambience"] = [ambience]
        entries.append(entry)
    return entries


def framing_of(description):
    return "unspecified"


def main():
    import hand_written
    hand = hand_written.ENTRIES
    entries = hand + template_entries()
    doc = {"about": "Prompts in the styles creators' guides teach, each with the parse a reader expects (issue 17). "
                    "'hand' entries are written out with their expected parse by hand; 'template' entries are composed "
                    "by functions/core/src/test/corpus/prompt_corpus.py from scenes and layouts, their expected parse "
                    "taken from the scene, not from the parser. Times in seconds; shot is the index of the beat's shot.",
           "prompts": entries}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(len(entries), "prompts ->", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
