#!/usr/bin/env bash
# Remakes sungai.mp4, the sample phone clip, from the sample photo sungai.jpg: 3 s of a slow
# pan up a river, stored as a phone stores a clip filmed upright (960x540 H.264, 30 fps, with
# a display matrix that turns it a quarter turn to 540x960). Silent: a clip's own sound is
# shown by the tests. Deterministic (one x264 thread, no metadata).
# Usage: samples/video/make-sungai.sh   (from anywhere; writes beside this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ff=(ffmpeg -hide_banner -loglevel error -nostdin -y)
exact=(-fflags +bitexact -flags:v +bitexact -map_metadata -1)
stored="$(mktemp --suffix=.mp4)"
trap 'rm -f "$stored"' EXIT
# The photo at twice its size, a portrait window 1438 px wide panning right 160 px a second;
# turned a quarter turn anticlockwise as the phone's sensor stores it.
"${ff[@]}" -loop 1 -framerate 30 -t 3 -i "$here/../photos/sungai.jpg" \
  -vf "scale=3840:-1,crop=w=1438:h=2556:x='1000+160*t':y=0,scale=540:960:flags=bicubic,transpose=cclock,format=yuv420p" \
  -c:v libx264 -preset slow -crf 32 -g 90 -threads 1 "${exact[@]}" "$stored"
# FFmpeg 5.1 takes "rotate" as degrees anticlockwise: -90 is what an upright phone writes.
"${ff[@]}" -i "$stored" -c copy -metadata:s:v:0 rotate=-90 "${exact[@]}" "$here/sungai.mp4"
