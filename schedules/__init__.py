"""Slots, bookings, priority classes, the planner and radio playlists."""
