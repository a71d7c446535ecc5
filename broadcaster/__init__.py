"""The application: config, store, workflow, web console, CLI and orchestration."""

__version__ = "0.1.0"
