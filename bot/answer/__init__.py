"""The answer wing: from a question to an Answer. The pipeline runs a search, composition turns
the hits into an answer built only from knowledge-base passages, and render_text prints it. It
uses the search and knowledge wings; it never imports log, telegram or cli."""
