"""Optional HTTP service (`pip install "cs-coach[server]"`, then `cs-coach serve`)."""
