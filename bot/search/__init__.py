"""The search wing: Swedish text processing, the embedders (sentence-transformers, the ONNX query
encoder, the NumPy fallback), BM25, rank fusion, the on-disk index and hybrid retrieval with its
confidence model. It uses the knowledge wing and never the answer, log, telegram or cli wings."""
