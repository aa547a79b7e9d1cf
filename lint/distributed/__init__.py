"""The Ray job's parts that are not Ray: corpus keys and components (see keys.py)."""
