"""Matching requests to catalogue parts: by part number (exact, normalised, fuzzy) and by
parameters for generic passives."""

from catalogue.matching.candidate import Candidate, CandidateKind, Deviation
from catalogue.matching.index_cache import IndexCache
from catalogue.matching.mpn_index import MpnIndex
from catalogue.matching.service import Catalogue

__all__ = ["Candidate", "CandidateKind", "Catalogue", "Deviation", "IndexCache", "MpnIndex"]
