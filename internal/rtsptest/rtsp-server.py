#!/usr/bin/python3
"""A stand-in IP camera for edgecam's RTSP tests: GStreamer's own RTSP server
(gst-rtsp-server, Debian package gir1.2-gst-rtsp-server-1.0) serving live
H.264 from videotestsrc and x264enc, or H.265 from x265enc (--codec h265),
the way a camera does (RTP over UDP or interleaved TCP, the parameter sets
in-band before every IDR). With --audio aac|pcma|pcmu it adds a microphone:
a sine tone of --audio-freq Hz (audiotestsrc) as a second track, AAC
(avenc_aac, RTP MPEG4-GENERIC) or G.711 A-law/mu-law at 8 kHz, on the same
pipeline clock as the video.

    rtsp-server.py --port 8554 --path /cam [--codec h265] [--user U --password-file F] [--pattern snow]
                   [--audio aac|pcma|pcmu|none] [--audio-freq 1000]

Prints "ready rtsp://127.0.0.1:PORT/PATH" on stdout once it listens, then
serves until SIGTERM/SIGINT. Binds 127.0.0.1 only.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8554)
    ap.add_argument("--path", default="/cam")
    ap.add_argument("--width", type=int, default=640)
    ap.add_argument("--height", type=int, default=360)
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--gop", type=int, default=30, help="frames between IDR frames")
    ap.add_argument("--bitrate", type=int, default=800, help="kbit/s")
    ap.add_argument("--pattern", default="ball", help="videotestsrc pattern (snow: noise keeps x264 at its bit rate)")
    ap.add_argument("--sliced", action="store_true", help="several slices per picture (x264 sliced threads)")
    ap.add_argument("--codec", choices=["h264", "h265"], default="h264")
    ap.add_argument("--audio", choices=["none", "aac", "pcma", "pcmu"], default="none",
                    help="a second track: a tone in AAC (48 kHz mono) or G.711 (8 kHz mono)")
    ap.add_argument("--audio-freq", type=int, default=1000, help="the tone's frequency, Hz")
    ap.add_argument("--user", default="")
    ap.add_argument("--password-file", default="")
    a = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(a.port))

    factory = GstRtspServer.RTSPMediaFactory()
    # One live encoder shared by every client, as in a camera: a client
    # joins mid-GOP and must wait for the next IDR. One slice per picture
    # unless --sliced: with several (x264's sliced threads), rtph264pay config-interval=-1
    # repeats SPS/PPS before each IDR slice, which splits the picture in
    # two access units at the receiver (GStreamer 1.22).
    factory.set_shared(True)
    if a.codec == "h265":
        # x265 as a camera's encoder runs it: no B-frames, closed GOPs
        # (IDR keyframes), VPS/SPS/PPS repeated by rtph265pay before each.
        encoder = (
            "! videoconvert ! video/x-raw,format=I420 "
            f"! x265enc tune=zerolatency speed-preset=ultrafast bitrate={a.bitrate} key-int-max={a.gop} "
            'option-string="open-gop=0" '
            "! video/x-h265,profile=main "
            "! rtph265pay name=pay0 pt=96 config-interval=-1 "
        )
    else:
        encoder = (
            f"! x264enc tune=zerolatency speed-preset=ultrafast bitrate={a.bitrate} key-int-max={a.gop} bframes=0 "
            f"sliced-threads={'true threads=2' if a.sliced else 'false'} "
            "! video/x-h264,profile=constrained-baseline "
            "! rtph264pay name=pay0 pt=96 config-interval=-1 "
        )
    # The microphone: a second branch of the same launch line, so both
    # tracks run on the media's one pipeline clock and their RTP timestamps
    # (and the RTCP sender reports a client syncs them with) agree, as in
    # a camera. PCMA/PCMU: G.711 is 8 kHz by definition (static payload
    # types 8 and 0).
    audio = {
        "none": "",
        "aac": "! audio/x-raw,rate=48000,channels=1 ! avenc_aac bitrate=64000 ! rtpmp4gpay name=pay1 pt=97 ",
        "pcma": "! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8 ",
        "pcmu": "! audio/x-raw,rate=8000,channels=1 ! mulawenc ! rtppcmupay name=pay1 pt=0 ",
    }[a.audio]
    if audio:
        audio = (
            f"audiotestsrc is-live=true wave=sine freq={a.audio_freq} volume=0.5 "
            "! audioconvert ! audioresample " + audio
        )
    factory.set_launch(
        f"( videotestsrc is-live=true pattern={a.pattern} "
        f"! video/x-raw,width={a.width},height={a.height},framerate={a.fps}/1 "
        + encoder + audio + ")"
    )

    if a.user:
        with open(a.password_file) as f:
            password = f.read().rstrip("\n")
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(a.user, password), token)
        server.set_auth(auth)
        perms = GstRtspServer.RTSPPermissions()
        perms.add_permission_for_role("user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
        perms.add_permission_for_role("user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
        factory.set_permissions(perms)

    server.get_mount_points().add_factory(a.path, factory)
    if server.attach(None) == 0:
        print(f"cannot listen on 127.0.0.1:{a.port}", file=sys.stderr)
        sys.exit(1)

    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"ready rtsp://127.0.0.1:{server.get_bound_port()}{a.path}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
