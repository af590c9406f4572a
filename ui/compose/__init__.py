from ui.compose.panel import ComposePanel

__all__ = ["ComposePanel"]
