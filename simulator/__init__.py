"""Simulated parts of the world (workflows, subscribers, app users); public app API only."""
