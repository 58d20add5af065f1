"""Development tools that are not part of the platform (lint contracts)."""
