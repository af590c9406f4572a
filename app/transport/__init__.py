"""The only modules that touch the network libraries: paho-mqtt and aiohttp.

Everything above speaks in our own types (HttpRequest, HttpResponse, HttpResult …); these
adapters translate at the boundary, so the rest of the core is testable without sockets
and no library object leaks past here.
"""
