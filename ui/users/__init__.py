from ui.users.panel import UsersPanel

__all__ = ["UsersPanel"]
