"""The stages of the pipeline, each a module named for the question it answers (see ``pipeline``)."""
