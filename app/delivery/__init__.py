"""The callback service: outbox → signed HTTP callbacks, retried, logged, replayable."""
