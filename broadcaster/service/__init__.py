"""The running service: the clock, device commands, reports, the planner leader, workers."""
