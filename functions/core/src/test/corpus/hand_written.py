# Hand-written corpus entries: each prompt as a creator would write it, with the parse a reader expects, by hand.
# B(start, end, shot, text=None), C(at, sound), S(start, end, framing)
import json


def B(start, end, shot, text=None):
    b = {"start": start, "end": end, "shot": shot}
    if text is not None:
        b["text"] = text
    return b


def C(at, sound):
    return {"at": at, "sound": sound}


def S(start, end, framing="unspecified"):
    return {"start": start, "end": end, "framing": framing}


def E(id, style, prompt, duration, beats, cues, shots, fps=24, ambience=None, problem=None):
    e = {"id": "hand-" + id, "source": "hand", "style": style, "prompt": prompt, "durationSeconds": duration, "fps": fps,
         "expect": {"beats": beats, "cues": cues, "shots": shots}}
    if ambience is not None:
        e["expect"]["ambience"] = ambience
    if problem is not None:
        e["expect"] = {"problem": problem}
    return e


MUG = ("A heavy white ceramic mug (about 350 g, glazed stoneware) on a wooden kitchen table, morning window light from "
       "the left. Camera: locked-off tripod at table height, 35 mm, no movement.\n00:00–00:02: the mug rests near the "
       "table edge, steam rising.\n00:02–00:04: the mug tips over the edge and falls under gravity onto the terracotta "
       "tile floor.\n00:04–00:06: it shatters into three large pieces that skid and settle.\nAudio: quiet kitchen room "
       "tone throughout; ceramic scrape at 00:01.5; hard ceramic impact at 00:03.2; shards skittering at 00:03.6")

ENTRIES = [
    E("issue-three-shots-one-paragraph", "inline paragraph, audio list at the end",
      "00:00–00:03: Wide shot of a sunlit bakery kitchen, a baker at the counter. 00:03–00:06: Close-up of a spoon "
      "stirring batter in a steel bowl. 00:06–00:09: Medium shot of the baker sliding a tray into the oven. Audio: spoon "
      "clink at 00:01, oven door open at 00:05, footsteps at 00:07", 9,
      [B(0, 3, 0, "Wide shot of a sunlit bakery kitchen, a baker at the counter."),
       B(3, 6, 1, "Close-up of a spoon stirring batter in a steel bowl."),
       B(6, 9, 2, "Medium shot of the baker sliding a tray into the oven.")],
      [C(1, "spoon clink"), C(5, "oven door open"), C(7, "footsteps")],
      [S(0, 3, "wide"), S(3, 6, "close-up"), S(6, 9, "medium")]),
    E("issue-comma-cues-decimal", "no beats, comma cue list with decimals",
      "A 350 g ceramic mug slides off a wooden table and breaks on the floor. Locked-off camera. Audio: faint table "
      "scrape at 00:01, mug impact at 00:02, shatter + liquid splatter at 00:02.2", 6,
      [B(0, 6, 0)], [C(1, "faint table scrape"), C(2, "mug impact"), C(2.2, "shatter + liquid splatter")], [S(0, 6)]),
    E("issue-frames-semicolon", "frame-mapped, 30 fps",
      "A white mug on a table, static camera. Frames 1–30: mug on table; Frames 31–60: mug falling; Frames 61–90: mug "
      "shatters on the floor", 6,
      [B(0, 1, 0, "mug on table"), B(1, 2, 0, "mug falling"), B(2, 3, 0, "mug shatters on the floor")], [],
      [S(0, 3)], fps=30),
    E("issue-audio-mid-line", "audio list after prose on the same line",
      "A glass marble rolls across a marble floor and drops down a step. Sound: soft rolling at 00:01 and a sharp click "
      "at 00:03.5", 6, [B(0, 6, 0)], [C(1, "soft rolling"), C(3.5, "a sharp click")], [S(0, 6)]),
    E("sample-mug-drop", "events/requests/mug-drop.json", MUG, 6,
      [B(0, 2, 0, "the mug rests near the table edge, steam rising."),
       B(2, 4, 0, "the mug tips over the edge and falls under gravity onto the terracotta tile floor."),
       B(4, 6, 0, "it shatters into three large pieces that skid and settle.")],
      [C(1.5, "ceramic scrape"), C(3.2, "hard ceramic impact"), C(3.6, "shards skittering")], [S(0, 6)],
      ambience=["quiet kitchen room tone throughout"]),
    E("sora-trailing-ranges", "shots with the time range at the end of each sentence",
      "Shot 1: Wide establishing shot of a foggy harbour at dawn (0–3s). Shot 2: Medium shot of a fisherman coiling "
      "rope on the deck (3–6s). Shot 3: Close-up of his weathered hands tying a knot (6–8s). Sound: gulls, a distant "
      "foghorn at 00:02, rope creak at 00:05", 8,
      [B(0, 3, 0, "Shot 1: Wide establishing shot of a foggy harbour at dawn"),
       B(3, 6, 1, "Shot 2: Medium shot of a fisherman coiling rope on the deck"),
       B(6, 8, 2, "Shot 3: Close-up of his weathered hands tying a knot")],
      [C(2, "a distant foghorn"), C(5, "rope creak")],
      [S(0, 3, "extreme wide"), S(3, 6, "medium"), S(6, 8, "close-up")], ambience=["gulls"]),
    E("veo-formula-labels", "subject/action/scene/camera/lighting/audio labels, no beats",
      "Subject: a red enamel kettle. Action: it starts to whistle as steam bursts from the spout. Scene: a small "
      "kitchen at night. Camera: slow push-in, 50 mm. Lighting: warm tungsten from the right. Audio: rising whistle "
      "at 00:03, gas hiss throughout.", 6,
      [B(0, 6, 0)], [C(3, "rising whistle")], [S(0, 6)], ambience=["gas hiss throughout"]),
    E("seconds-sec-unit", "'0–2 sec' ranges, one per line",
      "A yellow rubber duck floats in a bathtub.\n0–2 sec: the duck bobs gently\n2–4 sec: a hand pushes it\n4–6 sec: it "
      "spins and drifts away\nSFX: water lapping; squeak at 2.5 sec", 6,
      [B(0, 2, 0, "the duck bobs gently"), B(2, 4, 0, "a hand pushes it"), B(4, 6, 0, "it spins and drifts away")],
      [C(2.5, "squeak")], [S(0, 6)], ambience=["water lapping"]),
    E("mixed-units", "beats in MM:SS and seconds in one prompt",
      "Tabletop product shot of a perfume bottle, 100 mm macro lens, softbox light from above.\n00:00–00:02: the "
      "bottle stands on black glass\n2s–4s: a mist of perfume sprays out\n4s–6s: droplets catch the light\nAudio: "
      "spray hiss at 2.2s; shimmer at 00:04.5", 6,
      [B(0, 2, 0, "the bottle stands on black glass"), B(2, 4, 0, "a mist of perfume sprays out"),
       B(4, 6, 0, "droplets catch the light")], [C(2.2, "spray hiss"), C(4.5, "shimmer")], [S(0, 6)]),
    E("header-then-text", "time range on its own line, beat text below",
      "A paper plane glides through an office.\n\n0:00–0:03\nWide shot: the plane launches from a desk.\n\n0:03–0:06\n"
      "Close-up: it dips past a monitor and lands.\n\nSound: paper whoosh at 0:01, soft landing tap at 0:05.5", 6,
      [B(0, 3, 0, "Wide shot: the plane launches from a desk."), B(3, 6, 1, "Close-up: it dips past a monitor and lands.")],
      [C(1, "paper whoosh"), C(5.5, "soft landing tap")], [S(0, 3, "wide"), S(3, 6, "close-up")]),
    E("start-only-brackets", "[MM:SS] marks, inline",
      "[00:00] Wide shot of a quiet lake at dawn. [00:03] Cut to a close-up of a duck landing on the water. [00:06] "
      "Ripples spread outward. Sound: water lapping, splash @ 3.4s", 8,
      [B(0, 3, 0, "Wide shot of a quiet lake at dawn."), B(3, 6, 1, "Cut to a close-up of a duck landing on the water."),
       B(6, 8, 1, "Ripples spread outward.")], [C(3.4, "splash")], [S(0, 3, "wide"), S(3, 8, "close-up")],
      ambience=["water lapping"]),
    E("start-only-line-colon", "'00:03:' at line starts",
      "A skateboarder rides down an empty street, tracking shot from a gimbal.\n00:00: he pushes off\n00:02: he "
      "ollies over a crack\n00:04: he lands and rolls on\nSFX: wheels rolling throughout; board clack at 00:02.4; "
      "landing slap at 00:04.1", 6,
      [B(0, 2, 0, "he pushes off"), B(2, 4, 0, "he ollies over a crack"), B(4, 6, 0, "he lands and rolls on")],
      [C(2.4, "board clack"), C(4.1, "landing slap")], [S(0, 6)], ambience=["wheels rolling throughout"]),
    E("audio-block-bullets", "Audio: header then bulleted cues",
      "A wooden box lid creaks open on a workbench, lit by a single lamp from the left. Camera on a tripod.\n"
      "00:00–00:03: the box sits closed\n00:03–00:06: the lid lifts slowly\nAudio:\n- workshop room tone\n- 00:03.2 "
      "hinge creak\n- 00:05 lid thump", 6,
      [B(0, 3, 0, "the box sits closed"), B(3, 6, 0, "the lid lifts slowly")], [C(3.2, "hinge creak"), C(5, "lid thump")],
      [S(0, 6)], ambience=["workshop room tone"]),
    E("cue-phrase-at-first", "'at 00:02, X' cue phrasing",
      "A bowling ball (7 kg) rolls down a lane and hits the pins. Handheld camera behind the bowler. Audio: at 00:01, "
      "ball release thud; at 00:04.5, pins crashing", 6,
      [B(0, 6, 0)], [C(1, "ball release thud"), C(4.5, "pins crashing")], [S(0, 6)]),
    E("cue-phrase-time-first", "'00:02 X' cue phrasing, semicolons",
      "A match is struck in a dark room and lights a candle. Static shot, 85 mm.\nSound: 00:01 match strike; 00:01.3 "
      "flame whoosh; 00:03 soft crackle", 5,
      [B(0, 5, 0)], [C(1, "match strike"), C(1.3, "flame whoosh"), C(3, "soft crackle")], [S(0, 5)]),
    E("cue-phrase-parenthesised", "'X (00:02)' cue phrasing",
      "A glass of water (250 ml) is knocked off a nightstand. Locked-off.\nSFX: bump (00:01), glass tipping (00:01.6), "
      "glass shattering (00:02.4)", 6,
      [B(0, 6, 0)], [C(1, "bump"), C(1.6, "glass tipping"), C(2.4, "glass shattering")], [S(0, 6)]),
    E("cue-and-joined", "'and' between timed cues, repeated sound by time only",
      "A basketball bounces on a gym floor, wide static shot. Audio: bounce at 00:01 and 00:02 and a sneaker squeak at "
      "00:03", 5, [B(0, 5, 0)], [C(1, "bounce"), C(2, "bounce"), C(3, "a sneaker squeak")], [S(0, 5)]),
    E("second-mark", "'at the 3-second mark'",
      "A lightning storm over a wheat field, wide shot on a tripod. Sound: rain throughout, thunder at the 3-second mark",
      6, [B(0, 6, 0)], [C(3, "thunder")], [S(0, 6, "wide")], ambience=["rain throughout"]),
    E("frames-zero-based", "frames counted from 0",
      "A spinning top on a wooden floor, locked-off camera. Frames 0–23: the top spins upright. Frames 24–47: it "
      "wobbles. Frames 48–71: it topples and rolls.", 5,
      [B(0, 1, 0, "the top spins upright."), B(1, 2, 0, "it wobbles."), B(2, 3, 0, "it topples and rolls.")], [],
      [S(0, 3)]),
    E("frames-shared-boundaries", "frame boundaries shared by ranges",
      "A coin flips on a table, static camera.\nFrames 0-30: the coin spins in the air\nFrames 30-60: it lands and "
      "wobbles flat\nAudio: coin ring at frame 31", 5,
      [B(0, 1, 0, "the coin spins in the air"), B(1, 2, 0, "it lands and wobbles flat")], [C(1, "coin ring")],
      [S(0, 2)], fps=30),
    E("shot-labels-inline", "Shot N (range): inline with commas",
      "Shot 1 (0:00–0:02): wide shot of a runner at the start line, Shot 2 (0:02–0:05): close-up of her shoes "
      "pounding the track, Shot 3 (0:05–0:08): medium shot as she crosses the finish. Audio: starter pistol at 0:00.5, "
      "crowd roar at 0:06", 8,
      [B(0, 2, 0, "Shot 1: wide shot of a runner at the start line"), B(2, 5, 1, "Shot 2: close-up of her shoes pounding the track"),
       B(5, 8, 2, "Shot 3: medium shot as she crosses the finish.")],
      [C(0.5, "starter pistol"), C(6, "crowd roar")], [S(0, 2, "wide"), S(2, 5, "close-up"), S(5, 8, "medium")]),
    E("locked-off-with-framing-words", "locked-off declared, beats mention close-up",
      "One continuous shot, locked-off on a tripod, of an ice cube on a slate plate.\n00:00–00:03: close-up framing, "
      "the ice cube sits in a small pool of water\n00:03–00:06: it slowly melts and slides", 6,
      [B(0, 3, 0), B(3, 6, 0)], [], [S(0, 6, "close-up")]),
    E("cut-to-beats", "'cut to' and 'reverse angle' beats",
      "Two people at a café table, warm window light from the right.\n00:00–00:02: a man in a grey coat slides a note "
      "across the table\n00:02–00:04: reverse angle on the woman as she reads it\n00:04–00:06: cut to the note "
      "trembling in her hand\nAudio: café chatter; paper slide at 00:01; cup set down at 00:05", 6,
      [B(0, 2, 0), B(2, 4, 1), B(4, 6, 2)], [C(1, "paper slide"), C(5, "cup set down")],
      [S(0, 2), S(2, 4), S(4, 6)], ambience=["café chatter"]),
    E("dialogue-cue", "spoken line in the audio list",
      "A woman on a pier waves to a boat. Medium shot, handheld.\nAudio: gulls crying; she calls 'over here' at 00:02; "
      "boat horn at 00:04", 6,
      [B(0, 6, 0)], [C(2, "she calls 'over here'"), C(4, "boat horn")], [S(0, 6, "medium")], ambience=["gulls crying"]),
    E("music-and-sfx-lines", "separate Music: and SFX: lines",
      "A drone shot rising over a misty pine forest at sunrise.\nMusic: soft ambient piano throughout\nSFX: birds "
      "waking at 00:02, wind gust at 00:05", 8,
      [B(0, 8, 0)], [C(2, "birds waking"), C(5, "wind gust")], [S(0, 8)],
      ambience=["soft ambient piano throughout"]),
    E("no-beats-no-cues", "plain prose prompt",
      "A photorealistic anime cat naps in a sunbeam on a wool blanket, slow dolly-in.", 6, [B(0, 6, 0)], [], [S(0, 6)]),
    E("camera-line-after-audio", "audio list ended by a Lighting: label",
      "A lemon (120 g) drops into a glass of sparkling water. Audio: plop at 00:02, fizzing after. Lighting: bright "
      "backlight through the glass. Camera: macro, static.", 5,
      [B(0, 5, 0)], [C(2, "plop")], [S(0, 5)], ambience=["fizzing after"]),
    E("en-dash-spaces", "ranges with spaces around the dash",
      "A red apple (180 g) rolls off a kitchen counter.\n00:00 – 00:02: the apple rests\n00:02 – 00:03.5: it rolls "
      "to the edge\n00:03.5 – 00:05: it falls and bounces on the tiles\nSFX: roll rumble at 00:02.5; thump at 00:04.2",
      5, [B(0, 2, 0), B(2, 3.5, 0), B(3.5, 5, 0)], [C(2.5, "roll rumble"), C(4.2, "thump")], [S(0, 5)]),
    E("to-ranges-sentences", "'00:00 to 00:03' ranges opening sentences",
      "A toy robot walks across a desk. 00:00 to 00:03 it takes three stiff steps. 00:03 to 00:06 it topples onto "
      "its side. Sound: servo whirr at 00:01, plastic clatter at 00:03.4", 6,
      [B(0, 3, 0, "it takes three stiff steps."), B(3, 6, 0, "it topples onto its side.")],
      [C(1, "servo whirr"), C(3.4, "plastic clatter")], [S(0, 6)]),
    E("dash-after-cue", "'X — 00:02' cue phrasing",
      "A door slams in a hallway, static wide shot. SFX: footsteps — 00:01; door slam — 00:03", 5,
      [B(0, 5, 0)], [C(1, "footsteps"), C(3, "door slam")], [S(0, 5, "wide")]),
    E("per-beat-sound", "sound noted inside each beat line",
      "A soda can (355 ml) on a picnic table, sunny park.\n00:00–00:02: a hand grabs the can (Sound: can scrape at "
      "00:01)\n00:02–00:04: the tab cracks open (Sound: fizz at 00:02.5)\n00:04–00:06: foam spills over the rim", 6,
      [B(0, 2, 0, "a hand grabs the can"), B(2, 4, 0, "the tab cracks open"), B(4, 6, 0, "foam spills over the rim")],
      [C(1, "can scrape"), C(2.5, "fizz")], [S(0, 6)]),
    E("pipe-table-rows", "table-like rows: range | framing | action",
      "A lighthouse on a cliff at dusk, cool blue light.\n0:00–0:03 | Wide shot | waves crash against the rocks\n"
      "0:03–0:06 | Close-up | the lamp turns and flares\nAudio: surf throughout; foghorn at 0:04", 6,
      [B(0, 3, 0, "Wide shot | waves crash against the rocks"), B(3, 6, 1, "Close-up | the lamp turns and flares")],
      [C(4, "foghorn")], [S(0, 3, "wide"), S(3, 6, "close-up")], ambience=["surf throughout"]),
    E("beat-labels-dashes", "Beat N — range — text",
      "A chef flips a pancake in a steel pan, handheld.\nBeat 1 — 0-2s — the pancake sizzles\nBeat 2 — 2-4s — he "
      "flips it high\nBeat 3 — 4-6s — it lands back in the pan\nSFX: sizzle throughout, flip whoosh at 2.5s, soft "
      "slap at 4.2s", 6,
      [B(0, 2, 0, "the pancake sizzles"), B(2, 4, 0, "he flips it high"), B(4, 6, 0, "it lands back in the pan")],
      [C(2.5, "flip whoosh"), C(4.2, "soft slap")], [S(0, 6)], ambience=["sizzle throughout"]),
    E("parenthesised-start-marks", "(MM:SS) at line starts",
      "A hummingbird at a feeder in a garden, 200 mm lens, tripod.\n(00:00) it hovers beside the feeder\n(00:02.5) "
      "it dips its beak in\n(00:05) it darts away\nAudio: wing buzz throughout", 7,
      [B(0, 2.5, 0, "it hovers beside the feeder"), B(2.5, 5, 0, "it dips its beak in"), B(5, 7, 0, "it darts away")],
      [], [S(0, 7)], ambience=["wing buzz throughout"]),
    E("cues-joined-by-then", "'then' between timed cues",
      "A vintage camera shutter fires on a desk, macro shot, static. Audio: click at 00:01 then film advance whirr at "
      "00:01.6", 5, [B(0, 5, 0)], [C(1, "click"), C(1.6, "film advance whirr")], [S(0, 5, "extreme close-up")]),
    E("audio-between-inline-beats", "an audio note between two inline beats",
      "00:00–00:03: Wide shot of a snowy cabin, smoke from the chimney. Audio: crackling fire. 00:03–00:06: Close-up "
      "of a mug steaming on the windowsill.", 6,
      [B(0, 3, 0, "Wide shot of a snowy cabin, smoke from the chimney."),
       B(3, 6, 1, "Close-up of a mug steaming on the windowsill.")], [],
      [S(0, 3, "wide"), S(3, 6, "close-up")], ambience=["crackling fire"]),
    E("prose-ranges-not-beats", "lens range and a pause in prose are not beats",
      "A 24-70mm zoom frames a glass paperweight (400 g) on an oak desk; after 2-3 seconds it is nudged and rolls off "
      "the edge. Camera: tripod.", 6, [B(0, 6, 0)], [], [S(0, 6)]),
    E("numbered-list-beats", "numbered list with ranges",
      "A bouquet of red roses in a glass vase, soft daylight from the left.\n1. 00:00–00:03: the roses sway slightly\n2. "
      "00:03–00:06: a petal falls onto the table\nSound: quiet room tone; petal landing at 00:05", 6,
      [B(0, 3, 0, "the roses sway slightly"), B(3, 6, 0, "a petal falls onto the table")], [C(5, "petal landing")],
      [S(0, 6)], ambience=["quiet room tone"]),
    E("seconds-word-ranges", "'from 0 to 3 seconds' ranges",
      "A gymnast on a balance beam, medium shot, locked-off.\nFrom 0 to 3 seconds: she balances on one foot\nFrom 3 "
      "to 6 seconds: she lands a cartwheel\nAudio: mat thud at 4.5 seconds", 6,
      [B(0, 3, 0, "she balances on one foot"), B(3, 6, 0, "she lands a cartwheel")], [C(4.5, "mat thud")],
      [S(0, 6, "medium")]),
    E("ambience-label", "Ambience: line alongside SFX",
      "A rowing boat drifts on a calm lake, wide shot, drone.\nAmbience: loons calling, soft wind\nSFX: oar splash "
      "at 00:02, wooden knock at 00:04", 6, [B(0, 6, 0)], [C(2, "oar splash"), C(4, "wooden knock")], [S(0, 6, "wide")],
      ambience=["loons calling", "soft wind"]),
    E("cue-seconds-word", "cue times with 'sec'",
      "A jack-in-the-box on a nursery floor, static camera. SFX: crank clicks at 1 sec; pop at 3 sec; spring boing at "
      "3.4 sec", 5, [B(0, 5, 0)], [C(1, "crank clicks"), C(3, "pop"), C(3.4, "spring boing")], [S(0, 5)]),
    E("hours-minutes-seconds", "HH:MM:SS timecodes",
      "A paper lantern rises into a night sky, slow tilt up.\n00:00:00–00:00:03: the lantern lifts from her hands\n"
      "00:00:03–00:00:06: it drifts up past the rooftops\nAudio: soft whoosh at 00:00:01", 6,
      [B(0, 3, 0, "the lantern lifts from her hands"), B(3, 6, 0, "it drifts up past the rooftops")],
      [C(1, "soft whoosh")], [S(0, 6)]),
    E("bare-second-ranges", "'0-3:' at line starts, seconds implied",
      "A snail crawls along a mossy log, macro lens, locked-off.\n0-3: the snail extends its eyestalks\n3-6: it "
      "glides forward slowly", 6,
      [B(0, 3, 0, "the snail extends its eyestalks"), B(3, 6, 0, "it glides forward slowly")], [], [S(0, 6)]),
    E("seconds-word-label", "'Seconds 0–3:' labels",
      "A sparkler fizzes in the dark, handheld close-up.\nSeconds 0–3: it is lit and sparks fly\nSeconds 3–5: it "
      "burns down to the wire\nSFX: crackle throughout", 5,
      [B(0, 3, 0, "it is lit and sparks fly"), B(3, 5, 0, "it burns down to the wire")], [], [S(0, 5, "close-up")],
      ambience=["crackle throughout"]),
    E("arrow-ranges", "ranges with arrows",
      "A row of dominoes on a wooden floor, low-angle tracking shot.\n00:00 → 00:02: the first domino is tipped\n"
      "00:02 -> 00:06: the line falls in a wave\nAudio: domino clicks throughout; final clack at 00:05.8", 6,
      [B(0, 2, 0, "the first domino is tipped"), B(2, 6, 0, "the line falls in a wave")],
      [C(5.8, "final clack")], [S(0, 6)], ambience=["domino clicks throughout"]),
    E("numbered-shots-locked-off", "numbered shots on a locked-off camera are still separate shots",
      "Locked-off camera, 50 mm, a potter's wheel in a studio.\nShot 1 (0–3s): the clay spins on the wheel\n"
      "Shot 2 (3–6s): her hands shape a bowl", 6,
      [B(0, 3, 0, "Shot 1: the clay spins on the wheel"), B(3, 6, 1, "Shot 2: her hands shape a bowl")], [],
      [S(0, 3), S(3, 6)]),
    E("timestamp-prefix", "'Timestamp 00:00–00:03:' lines",
      "A flag waves on a pole against a blue sky, static camera.\nTimestamp 00:00–00:03: the flag ripples gently\n"
      "Timestamp 00:03–00:06: a gust snaps it straight\nAudio: wind throughout; fabric snap at 00:03.5", 6,
      [B(0, 3, 0, "the flag ripples gently"), B(3, 6, 0, "a gust snaps it straight")],
      [C(3.5, "fabric snap")], [S(0, 6)], ambience=["wind throughout"]),
    E("bracketed-seconds-inline-sfx-ranges", "inline [0-2s] beats, an SFX list with a ranged sound, a sentence after it",
      "Cinematic 8-second clip. [0-2s] Extreme close-up of coffee beans falling into a grinder. [2-5s] Medium shot of a "
      "barista tamping espresso. [5-8s] Slow push-in on the latte art as milk is poured. SFX: grinder whir 0-2s, tamp "
      "click at 3s, milk pour 5.5s. Warm tungsten light.", 8,
      [B(0, 2, 0, "Extreme close-up of coffee beans falling into a grinder."),
       B(2, 5, 1, "Medium shot of a barista tamping espresso."),
       B(5, 8, 1, "Slow push-in on the latte art as milk is poured.")],
      [C(0, "grinder whir"), C(3, "tamp click"), C(5.5, "milk pour")],
      [S(0, 2, "extreme close-up"), S(2, 8, "medium")], ambience=[]),
    E("shot-dash-labels", "Shot N — range — framing, text",
      "Scene: A neon-lit Tokyo alley at night, rain.\nShot 1 — 0:00–0:02 — wide, a girl in a yellow raincoat walks "
      "toward camera.\nShot 2 — 0:02–0:05 — close-up on her face, she looks up.\nSound: rain on pavement, distant "
      "traffic, a train passes at 0:03.", 5,
      [B(0, 2, 0, "Shot 1: wide, a girl in a yellow raincoat walks toward camera."),
       B(2, 5, 1, "Shot 2: close-up on her face, she looks up.")],
      [C(3, "a train passes")], [S(0, 2, "wide"), S(2, 5, "close-up")],
      ambience=["rain on pavement", "distant traffic"]),
    E("timeline-decimal-seconds", "bulleted decimal-second ranges under a Timeline heading",
      "Timeline:\n• 0.0–1.5 s: ball rests\n• 1.5–3.0 s: ball is kicked\n• 3.0–6.0 s: ball hits the net\nSFX — kick at "
      "1.6 s; net swish at 3.1 s", 6,
      [B(0, 1.5, 0, "ball rests"), B(1.5, 3, 0, "ball is kicked"), B(3, 6, 0, "ball hits the net")],
      [C(1.6, "kick"), C(3.1, "net swish")], [S(0, 6)]),
    E("semicolon-inline-no-colons", "inline ranges without colons, separated by semicolons",
      "00:00-00:02 establishing drone shot over a red barn; 00:02-00:04 the camera descends; 00:04-00:06 a horse "
      "trots out. Sound: wind, hooves at 00:04.5 and 00:05.2.", 6,
      [B(0, 2, 0, "establishing drone shot over a red barn"), B(2, 4, 0, "the camera descends"),
       B(4, 6, 0, "a horse trots out.")],
      [C(4.5, "hooves"), C(5.2, "hooves")], [S(0, 6, "extreme wide")], ambience=["wind"]),
    E("shot-table-abbreviations", "SHOT N | range | WS/CU/MS | action rows",
      "STORYBOARD\nSHOT 1 | 00:00-00:02 | WS | A lone cyclist crests a hill at sunrise.\nSHOT 2 | 00:02-00:05 | CU | Her "
      "hands grip the handlebars.\nSHOT 3 | 00:05-00:08 | MS | She smiles and freewheels down.\nSFX: chain whirr "
      "00:00-00:08; tyre hiss at 00:05.5", 8,
      [B(0, 2, 0, "SHOT 1: WS | A lone cyclist crests a hill at sunrise."),
       B(2, 5, 1, "SHOT 2: CU | Her hands grip the handlebars."),
       B(5, 8, 2, "SHOT 3: MS | She smiles and freewheels down.")],
      [C(0, "chain whirr"), C(5.5, "tyre hiss")], [S(0, 2, "wide"), S(2, 5, "close-up"), S(5, 8, "medium")]),
    E("prose-at-marks", "beats as 'at 0:02 …' clauses in one sentence",
      "In the first 2 seconds a glass of milk sits on a counter; at 0:02 a cat paw swipes it; at 0:04 it shatters on "
      "the floor. Audio: paw swipe at 0:02, glass break at 0:04.", 8,
      [B(0, 2, 0, "a glass of milk sits on a counter"), B(2, 4, 0, "a cat paw swipes it"),
       B(4, 8, 0, "it shatters on the floor.")],
      [C(2, "paw swipe"), C(4, "glass break")], [S(0, 8)]),
    E("bare-framing-words", "Beat N (range): Wide. / Close-up. / Medium.",
      "Beat 1 (0:00–0:02): Wide. A kitchen at dawn.\nBeat 2 (0:02–0:04): Close-up. Toast pops.\nBeat 3 (0:04–0:06): "
      "Medium. A hand grabs it.\nSound: toaster pop at 0:02.3; crunch at 0:05", 6,
      [B(0, 2, 0, "Wide. A kitchen at dawn."), B(2, 4, 1, "Close-up. Toast pops."), B(4, 6, 2, "Medium. A hand grabs it.")],
      [C(2.3, "toaster pop"), C(5, "crunch")], [S(0, 2, "wide"), S(2, 4, "close-up"), S(4, 6, "medium")]),
    E("start-marks-with-dashes", "'0:00 - Establishing: …' start marks",
      "0:00 - Establishing: a red double-decker bus in London rain\n0:03 - Insert: raindrops on the window\n0:05 - "
      "Medium: a passenger wipes the glass\nAudio: rain ambience, bus engine rumble, bell ding at 0:04", 8,
      [B(0, 3, 0, "Establishing: a red double-decker bus in London rain"), B(3, 5, 1, "Insert: raindrops on the window"),
       B(5, 8, 2, "Medium: a passenger wipes the glass")],
      [C(4, "bell ding")], [S(0, 3, "extreme wide"), S(3, 5, "close-up"), S(5, 8, "medium")],
      ambience=["rain ambience", "bus engine rumble"]),
    E("over-specified-pings", "the same sound cued again and again (lint warns; the parse keeps every cue)",
      "A steel ball bearing (50 g) drops 1 m onto a glass table. 00:00-00:01: it falls. 00:01-00:02: it bounces. "
      "00:02-00:05: it rattles to rest. Audio: ping at 00:01, ping at 00:01.6, ping at 00:02, ping at 00:02.3, rattle "
      "at 00:03.", 5,
      [B(0, 1, 0, "it falls."), B(1, 2, 0, "it bounces."), B(2, 5, 0, "it rattles to rest.")],
      [C(1, "ping"), C(1.6, "ping"), C(2, "ping"), C(2.3, "ping"), C(3, "rattle")], [S(0, 5)]),
    E("overlapping-beats", "invalid: beats overlap",
      "00:00–00:04: a ball rolls\n00:02–00:06: it stops", 6, [], [], [], problem="overlap"),
    E("impossible-seconds", "invalid: 00:75",
      "A ball.\n00:00–00:75: it rolls", 6, [], [], [], problem="seconds must be below 60"),
    E("beat-past-duration", "invalid: beat ends after the clip",
      "0–3s: a ball rolls\n3–9s: it stops", 6, [], [], [], problem="after the clip's 6.0 s duration"),
]

if __name__ == "__main__":
    print(json.dumps(ENTRIES, indent=1, ensure_ascii=False))
