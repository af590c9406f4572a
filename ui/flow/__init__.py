from ui.flow.panel import FlowPanel

__all__ = ["FlowPanel"]
