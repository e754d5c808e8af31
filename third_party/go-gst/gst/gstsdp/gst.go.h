#ifndef __GST_WEBRTC_GO_H__
#define __GST_WEBRTC_GO_H__

#include <gst/sdp/sdp.h>

#endif
