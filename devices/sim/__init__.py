"""Simulated speakers and harness for the demo, tests and benchmarks: not shipped to a speaker.

`simulator` runs reference agents in one process; `light` and `swarm` run thousands of light
speakers on one loop or thread; `mosquitto` starts a broker of our own on a free port.
"""
