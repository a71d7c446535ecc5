"""Delivery to speakers over MQTT: protocol, dispatcher, media server, agent and simulator."""
