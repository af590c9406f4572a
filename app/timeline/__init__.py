"""Order timelines: one work order's story, built from its stored events."""

from app.timeline.builder import build_timeline
from app.timeline.model import Anomaly, Hang, Mark, Timeline, TimelineEvent, Track

__all__ = ["Anomaly", "Hang", "Mark", "Timeline", "TimelineEvent", "Track", "build_timeline"]
