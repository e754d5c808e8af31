#ifndef __GST_WEBRTC_GO_H__
#define __GST_WEBRTC_GO_H__

#define GST_USE_UNSTABLE_API // webrtc is unstable

#include <gst/webrtc/webrtc.h>

#endif
