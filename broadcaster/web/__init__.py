"""The web console (server-rendered Jinja2, little JavaScript) and the JSON API."""
