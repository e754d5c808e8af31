#ifndef __GST_RTP_GO_H__
#define __GST_RTP_GO_H__

#include <gst/rtp/rtp.h>

#endif