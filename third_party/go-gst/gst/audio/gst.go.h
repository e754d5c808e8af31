#ifndef __GST_AUDIO_GO_H__
#define __GST_AUDIO_GO_H__

#include <gst/audio/audio.h>

#endif