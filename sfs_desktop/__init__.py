"""sfs-desktop: the township judicial station (司法所) desktop program."""

__version__ = "0.1.0"
