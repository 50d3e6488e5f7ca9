"""Writing: apply decisions to a document atomically, and write the reports next to it."""
