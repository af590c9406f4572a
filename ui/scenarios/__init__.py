from ui.scenarios.panel import ScenariosPanel

__all__ = ["ScenariosPanel"]
