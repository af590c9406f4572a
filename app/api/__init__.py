"""The local HTTP API: handlers from HttpRequest to HttpResponse, no sockets (transport
serves them)."""
