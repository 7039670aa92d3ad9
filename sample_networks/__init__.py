"""Sample networks shipped with ona (data files; see README.md). Load them with ona.samples.load(name)."""
