#ifndef __GST_NET_GO_H__
#define __GST_NET_GO_H__

#include <gio/gio.h>
#include <gst/net/net.h>

#endif