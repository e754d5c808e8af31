#!/usr/bin/python3
"""A stand-in IP camera for edgecam's RTSP tests: GStreamer's own RTSP server
(gst-rtsp-server, Debian package gir1.2-gst-rtsp-server-1.0) serving live
H.264 from videotestsrc and x264enc, or H.265 from x265enc (--codec h265),
the way a camera does (RTP over UDP or interleaved TCP, the parameter sets
in-band before every IDR).

    rtsp-server.py --port 8554 --path /cam [--codec h265] [--user U --password-file F] [--pattern snow]

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
            "! rtph265pay name=pay0 pt=96 config-interval=-1 )"
        )
    else:
        encoder = (
            f"! x264enc tune=zerolatency speed-preset=ultrafast bitrate={a.bitrate} key-int-max={a.gop} bframes=0 "
            f"sliced-threads={'true threads=2' if a.sliced else 'false'} "
            "! video/x-h264,profile=constrained-baseline "
            "! rtph264pay name=pay0 pt=96 config-interval=-1 )"
        )
    factory.set_launch(
        f"( videotestsrc is-live=true pattern={a.pattern} "
        f"! video/x-raw,width={a.width},height={a.height},framerate={a.fps}/1 "
        + encoder
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
