"""Speech synthesis: the `Engine` protocol, the voice registry and the engines."""
