from ui.timeline.panel import TimelinePanel

__all__ = ["TimelinePanel"]
