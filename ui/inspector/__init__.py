from ui.inspector.panel import InspectorPanel

__all__ = ["InspectorPanel"]
