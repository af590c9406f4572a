"""Scenarios: YAML files that set up subscribers and app users, play events and generated
work-order lifecycles, and state what must hold (docs/scenarios.md).

``loader`` reads and checks a file (errors carry line and column), ``runner`` plays it against
the local HTTP API, ``expectations`` checks what must hold, ``report`` writes the summary,
JUnit XML and JSON.
"""

from simulator.scenario.loader import Scenario, ScenarioError, load, load_text

__all__ = ["Scenario", "ScenarioError", "load", "load_text"]
