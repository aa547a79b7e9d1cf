"""Tracking: how closely a rewrite follows its original report.

Pure text in, numbers out: named pair features (:mod:`features`), a JSON-weights model scored
without scikit-learn (:mod:`model`), training with scikit-learn (:mod:`train`, imported only by
``newslint train``) and partially-derived example synthesis (:mod:`augment`). Nothing here imports
the engine; the kinds in :mod:`lint.kinds` are thin adapters over it.
"""
