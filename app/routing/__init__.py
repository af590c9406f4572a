"""Subscriber systems, the data-area catalogue, matching events to subscriptions, and why."""
