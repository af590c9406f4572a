"""The MQTT broker: a managed Mosquitto child process, or an external broker's profile."""
