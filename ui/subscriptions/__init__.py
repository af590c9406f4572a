from ui.subscriptions.panel import SubscriptionsPanel

__all__ = ["SubscriptionsPanel"]
