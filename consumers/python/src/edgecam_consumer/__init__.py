"""edgecam_consumer: one edgecam stream from Kafka as decoded numpy frames.

    from datetime import timedelta
    import edgecam_consumer as ec

    for item in ec.frames("kafka-1:9092", "pi-garage-3/front", start=timedelta(minutes=10), stop_at_end=True):
        if isinstance(item, ec.Frame):
            process(item.image, item.capture_time)   # height x width x 3, BGR
        else:
            print("event:", item)                    # Gap, Eviction, SessionChange

See frames() for where it starts and stops.
"""

from .stream import AUDIO_CODECS, CODECS, AudioFrame, EdgecamError, Event, Eviction, Frame, Gap, SessionChange, frames, murmur2, partition_for

__all__ = ["AUDIO_CODECS", "AudioFrame", "CODECS", "EdgecamError", "Event", "Eviction", "Frame", "Gap", "SessionChange", "frames", "murmur2", "partition_for"]
